package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without a configured password every admin call, right password or not, answers 404. */
@Tag("database")
@QuarkusTest
@TestProfile(NoAdminPasswordTest.NoPassword.class)
class NoAdminPasswordTest {
    public static class NoPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.admin.password", "");
        }
    }

    @Test
    void everyAdminCallIsNotFoundWhenNoPasswordIsConfigured() {
        var admin = given().auth().preemptive().basic("admin", "test-admin-password");
        admin.get("/api/admin/platforms").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().preemptive().basic("admin", "").contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/api/admin/platforms").then().statusCode(404);
        given().post("/api/admin/platforms/1/rotate").then().statusCode(404);
        given().delete("/api/admin/platforms/1").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"reason\":\"r\"}").post("/api/admin/items/1/remove")
                .then().statusCode(404);
        given().get("/admin").then().statusCode(404);
    }
}
