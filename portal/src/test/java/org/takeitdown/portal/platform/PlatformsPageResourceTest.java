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
    void explainsTheExchangeScopesAndWatermarkAndOffersTheHasherJarInBothLanguages() {
        given().get("/platforms").then().statusCode(200)
                .body(containsString("flask auth stop_ncii --from-str \"$KEY,$KEY,https://HOST/api/stopncii/v1\""),
                        containsString("TX_STOPNCII_KEYS=\"$KEY,$KEY,https://HOST/api/stopncii/v1\""),
                        containsString("threatexchange fetch"), containsString("/api/stopncii/v1/SubmitFeedback"),
                        containsString("compares the hash value instead of the hash status"),
                        containsString("match endpoint (it only answers for active items)"),
                        containsString("secret key, so that it can tell the platforms"), containsString("match-only"),
                        containsString("compare their copies"), containsString("href=\"/platforms/hasher.jar\""));
        given().get("/platforms?lang=es").then().statusCode(200).body(containsString("Conéctate con threatexchange o HMA"),
                containsString("compara el valor del hash en vez del estado"), containsString("marca de agua"),
                containsString("Descargar hasher.jar"));
    }

    @Test
    void servesTheHasherJarBuiltWithThePortal() throws Exception {
        byte[] jar = given().get("/platforms/hasher.jar").then().statusCode(200)
                .header("Content-Disposition", containsString("hasher.jar")).extract().asByteArray();
        try (var in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            org.assertj.core.api.Assertions.assertThat(in.getManifest().getMainAttributes().getValue("Main-Class"))
                    .contains("HasherCli");
        }
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
