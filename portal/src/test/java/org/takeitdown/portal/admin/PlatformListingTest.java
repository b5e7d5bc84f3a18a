package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A platform chooses, through the operator, whether it is on the public list and what it says it scans. */
@Tag("database")
@QuarkusTest
class PlatformListingTest {
    private static long create(String name) {
        return admin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/admin/platforms")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theAdminApiListsAPlatformPubliclyAndTakesItOffAgain() {
        String name = "Api Listed " + System.nanoTime();
        long id = create(name);
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.listed", equalTo(false));
        admin().contentType(ContentType.JSON).body("{\"listed\":true,\"scans\":\"Public photos\"}")
                .post("/api/admin/platforms/" + id + "/listing").then().statusCode(204);
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.listed", equalTo(true))
                .body("find { it.id == " + id + " }.scans", equalTo("Public photos"));
        given().get("/participating").then().body(containsString(name)).body(containsString("Public photos"));
        admin().contentType(ContentType.JSON).body("{\"listed\":false,\"scans\":null}")
                .post("/api/admin/platforms/" + id + "/listing").then().statusCode(204);
        given().get("/participating").then().body(not(containsString(name)));
    }

    @Test
    void badListingsAreRefusedWithAClearMessageAndChangeNothing() {
        String name = "Api Refused " + System.nanoTime();
        long id = create(name);
        admin().contentType(ContentType.JSON).body("{\"scans\":\"x\"}").post("/api/admin/platforms/" + id + "/listing")
                .then().statusCode(400).body("detail", containsString("listed"));
        admin().contentType(ContentType.JSON).body("{\"listed\":true,\"scans\":\"" + "x".repeat(201) + "\"}")
                .post("/api/admin/platforms/" + id + "/listing").then().statusCode(400)
                .body("detail", containsString("at most 200"));
        admin().contentType(ContentType.JSON).body("{\"listed\":true}").post("/api/admin/platforms/999999999/listing")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"listed\":true}").post("/api/admin/platforms/" + id + "/listing")
                .then().statusCode(401);
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.listed", equalTo(false));
        given().get("/participating").then().body(not(containsString(name)));
    }

    @Test
    void namesWithBidiControlsZeroWidthOrControlCharactersAreRefusedNamingTheCharacterAndStoreNothing() {
        int before = admin().get("/api/admin/platforms").then().extract().jsonPath().getList("id").size();
        String[][] refused = {
            {"Evil\\u202Egnp.exe", "U+202E (RIGHT-TO-LEFT OVERRIDE)"},
            {"Isolated \\u2067name\\u2069", "U+2067 (RIGHT-TO-LEFT ISOLATE)"},
            {"Zero\\u200Bwidth", "U+200B (ZERO WIDTH SPACE)"},
            {"Bell\\u0007", "U+0007"},
            {"Line\\u2028break", "U+2028 (LINE SEPARATOR)"},
            {"Para\\u2029graph", "U+2029 (PARAGRAPH SEPARATOR)"},
        };
        for (String[] r : refused) {
            admin().contentType(ContentType.JSON).body("{\"name\":\"" + r[0] + "\"}").post("/api/admin/platforms")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(r[1]));
        }
        admin().contentType(ContentType.JSON).body("{\"name\":\"   \"}").post("/api/admin/platforms")
                .then().statusCode(400).body("detail", containsString("name must be 1 to 100 characters"));
        // As a browser sends the form: UTF-8, percent-encoded (U+202E is E2 80 AE); RestAssured would say ISO-8859-1.
        admin().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("name=Form%E2%80%AEevil&scope=full")
                .post("/admin/platforms").then().statusCode(400).body(containsString("U+202E"));
        admin().get("/api/admin/platforms").then().body("id.size()", equalTo(before));
    }

    @Test
    void namesThatNeedTheZeroWidthJoinerOrNonJoinerAreAccepted() {
        String hindi = "क्\u200Dष " + System.nanoTime();
        String persian = "می\u200Cخواهم " + System.nanoTime();
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDCBB " + System.nanoTime();
        for (String name : new String[] {hindi, persian, emoji}) {
            admin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/admin/platforms")
                    .then().statusCode(201).body("name", equalTo(name));
        }
        admin().contentType(ContentType.JSON).body("{\"name\":\"Mark\u200Fed\"}").post("/api/admin/platforms")
                .then().statusCode(400).body("detail", containsString("U+200F (RIGHT-TO-LEFT MARK)"));
    }

    @Test
    void whatAPlatformScansIsRefusedWithABidiOverrideAndLeftUnchanged() {
        String name = "Scans Refused " + System.nanoTime();
        long id = create(name);
        admin().contentType(ContentType.JSON).body("{\"listed\":true,\"scans\":\"Photos \\u202Esoediv\"}")
                .post("/api/admin/platforms/" + id + "/listing").then().statusCode(400)
                .body("detail", containsString("scans must not contain U+202E"));
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.listed", equalTo(false));
    }

    @Test
    void aRightToLeftNameIsTrimmedAndShownIsolatedInBdiOnThePublicList() {
        String name = "منصة الصور " + System.nanoTime();
        long id = admin().contentType(ContentType.JSON).body("{\"name\":\"  " + name + "\\t\"}")
                .post("/api/admin/platforms").then().statusCode(201).body("name", equalTo(name))
                .extract().jsonPath().getLong("id");
        admin().contentType(ContentType.JSON).body("{\"listed\":true,\"scans\":\"الصور العامة\"}")
                .post("/api/admin/platforms/" + id + "/listing").then().statusCode(204);
        given().header("Accept-Language", "ar").get("/participating").then().statusCode(200)
                .body(containsString("<strong><bdi>" + name + "</bdi></strong>"))
                .body(containsString("<bdi>الصور العامة</bdi>"));
    }

    @Test
    void theAdminPageFormSetsTheListing() {
        String name = "Form Listed " + System.nanoTime();
        long id = create(name);
        admin().get("/admin").then().body(containsString("action=\"/admin/platforms/" + id + "/listing\""));
        admin().formParam("listed", "yes").formParam("scans", "Videos in stories")
                .post("/admin/platforms/" + id + "/listing").then().statusCode(200)
                .body(containsString("id=\"listed-" + id + "\" checked"))
                .body(containsString("value=\"Videos in stories\""));
        given().get("/participating").then().body(containsString(name)).body(containsString("Videos in stories"));
    }
}
