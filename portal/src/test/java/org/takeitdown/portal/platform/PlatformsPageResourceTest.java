package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The integrators' page in both languages, and the OpenAPI UI with its CSP exception on its own path only. */
@Tag("database")
@QuarkusTest
class PlatformsPageResourceTest {
    @Test
    void explainsSyncMatchFeedbackAndHashingInEnglishAndSpanish() {
        given().get("/platforms").then().statusCode(200)
                .body(containsString("X-Consistent-Seq"), containsString("/api/platform/v1/match"),
                        containsString("/api/platform/v1/feedback"), containsString("hasher.jar"),
                        containsString("id=\"openapi-ui\""), containsString("Each request has a work budget"));
        given().get("/platforms?lang=es").then().statusCode(200).body(containsString("Mantén tu copia al día"),
                containsString("Cada petición tiene un límite de trabajo"));
    }

    @Test
    void openApiUiIsServedWithItsOwnCspWhileEveryOtherPathKeepsTheStrictOne() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("'unsafe-inline'"));
        for (String path : new String[] {"/", "/platforms", "/api/cases/x", "/q/openapi", "/js/hasher.js"}) {
            given().get(path).then().header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("default-src 'self'"));
        }
    }
}
