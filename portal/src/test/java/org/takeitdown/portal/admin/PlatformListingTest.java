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
