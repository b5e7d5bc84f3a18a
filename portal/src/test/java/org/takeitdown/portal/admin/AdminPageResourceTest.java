package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The operator's page: behind the admin password, forms only from this site, new keys shown once. */
@QuarkusTest
class AdminPageResourceTest {
    @Test
    void asksForThePasswordAndShowsPlatformsAndFlaggedItems() {
        given().get("/admin").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("admin", "wrong").get("/admin").then().statusCode(401);
        admin().get("/admin").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("id=\"platform-table\""), containsString("id=\"flagged\""));
        admin().header("Accept-Language", "es").get("/admin").then().statusCode(200)
                .body(containsString("Posibles envíos falsos"));
    }

    @Test
    void createsAPlatformFromTheFormAndShowsItsKeyOnce() {
        admin().header("Origin", "http://localhost:8083").header("Host", "localhost:8083")
                .formParam("name", "Form Platform").post("/admin/platforms").then().statusCode(200)
                .body(containsString("id=\"api-key\">tid_"), containsString("Form Platform"));
        admin().get("/admin").then().statusCode(200).body(containsString("Form Platform"))
                .body(not(matchesPattern("(?s).*id=\"api-key\".*")));
        admin().formParam("name", "").post("/admin/platforms").then().statusCode(400)
                .body(containsString("id=\"admin-error\""));
    }

    @Test
    void refusesChangesFromOtherSites() {
        admin().header("Origin", "https://evil.example").formParam("name", "Evil").post("/admin/platforms")
                .then().statusCode(403);
        admin().header("Sec-Fetch-Site", "cross-site").formParam("name", "Evil").post("/admin/platforms")
                .then().statusCode(403);
        admin().get("/admin").then().body(not(containsString("Evil")));
    }
}
