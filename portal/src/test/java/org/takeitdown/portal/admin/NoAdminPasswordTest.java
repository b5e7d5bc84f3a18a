package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.platform.PlatformFixtures;
import org.takeitdown.portal.web.Endpoints;

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

    @Test
    void everyAdminOperationAnswersLikeAnAddressWhereNothingIs() {
        String apiNothing = given().get("/api/nothing-here").then().statusCode(404).extract().asString();
        List<Endpoints.Endpoint> admin = Endpoints.all().stream().filter(e -> e.path().startsWith("/admin")
                || e.path().startsWith("/api/admin/")).toList();
        assertThat(admin).hasSizeGreaterThanOrEqualTo(14);
        for (Endpoints.Endpoint e : admin) {
            for (Response r : List.of(e.send(given()), e.send(PlatformFixtures.admin()))) {
                assertThat(r.statusCode()).as(e.name()).isEqualTo(404);
                assertThat(r.header("WWW-Authenticate")).as(e.name()).isNull();
                if (e.path().startsWith("/api")) {
                    assertThat(r.asString()).as(e.name()).isEqualTo(apiNothing);
                } else {
                    assertThat(r.contentType()).as(e.name()).startsWith("text/html");
                    assertThat(r.asString()).as(e.name()).contains("id=\"not-found-page\"");
                }
            }
        }
    }
}
