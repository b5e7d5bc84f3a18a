package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Behind a TLS proxy: with portal.site.public-origin set, that origin is the only one accepted. */
@Tag("database")
@QuarkusTest
@TestProfile(PublicOriginTest.BehindTlsProxy.class)
class PublicOriginTest {
    /** The site as browsers see it, while the app itself is reached over plain http. */
    public static class BehindTlsProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.site.public-origin", "https://TakeItDown.example:443");
        }
    }

    @Test
    void thePublicOriginIsAcceptedAndTheAppsOwnHttpOriginIsNot() {
        given().header("Origin", "https://takeitdown.example").formParam("age", "unsure").post("/start")
                .then().statusCode(200);
        given().header("Origin", RestAssured.baseURI + ":" + RestAssured.port).formParam("age", "unsure")
                .post("/start").then().statusCode(403);
        given().header("Origin", "http://takeitdown.example").formParam("age", "unsure").post("/start")
                .then().statusCode(403);
    }

    @Test
    void secFetchSiteStillDecidesWhenSent() {
        given().header("Sec-Fetch-Site", "same-origin").header("Origin", "https://takeitdown.example")
                .formParam("age", "unsure").post("/start").then().statusCode(200);
        given().header("Sec-Fetch-Site", "cross-site").formParam("age", "unsure").post("/start").then().statusCode(403);
    }
}
