package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The operator's page: behind the admin password, forms only from this site, new keys shown once. */
@Tag("database")
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
        admin().header("Sec-Fetch-Site", "same-origin").header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .formParam("name", "Form Platform").post("/admin/platforms").then().statusCode(200)
                .body(containsString("id=\"api-key\">tid_"), containsString("Form Platform"));
        admin().get("/admin").then().statusCode(200).body(containsString("Form Platform"))
                .body(not(matchesPattern("(?s).*id=\"api-key\".*")));
        admin().formParam("name", "").post("/admin/platforms").then().statusCode(400)
                .body(containsString("id=\"admin-error\""));
    }

    @Test
    void aRightToLeftNameInTheNewKeyNoticeCannotReorderTheNotice() {
        admin().header("Sec-Fetch-Site", "same-origin").header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("name=" + URLEncoder.encode("منصة ١٢", StandardCharsets.UTF_8) + "&scope=full")
                .post("/admin/platforms").then().statusCode(200)
                .body(containsString("New API key for \u2068منصة ١٢\u2069:"));
    }

    @Test
    void aRevokedPlatformOffersNoNewKeyAndStaysRevoked() {
        String created = admin().formParam("name", "Revoked Page Platform").post("/admin/platforms").then()
                .statusCode(200).extract().asString();
        String id = created.replaceAll("(?s).*<td>(\\d+)</td><td>Revoked Page Platform</td>.*", "$1");
        admin().post("/admin/platforms/" + id + "/revoke").then().statusCode(200)
                .body(not(containsString("action=\"/admin/platforms/" + id + "/rotate\"")));
        admin().post("/admin/platforms/" + id + "/rotate").then().statusCode(409)
                .body(containsString("id=\"admin-error\""), not(containsString("id=\"api-key\"")));
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.revoked", equalTo(true));
    }

    @Test
    void refusesChangesFromOtherSites() {
        admin().header("Origin", "https://evil.example").formParam("name", "Evil").post("/admin/platforms")
                .then().statusCode(403);
        admin().header("Sec-Fetch-Site", "cross-site").formParam("name", "Evil").post("/admin/platforms")
                .then().statusCode(403);
        admin().header("Origin", RestAssured.baseURI.replace("http:", "https:") + ":" + RestAssured.port)
                .formParam("name", "Evil").post("/admin/platforms").then().statusCode(403);
        admin().header("Origin", "null").formParam("name", "Evil").post("/admin/platforms").then().statusCode(403);
        admin().get("/admin").then().body(not(containsString("Evil")));
    }
}
