package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("embedded")
@QuarkusTest
class NotAllowedMapperTest {
    @Test
    void aPageAskedWithAMethodItDoesNotAnswerGetsACalmPageWithQuickExitInItsLanguage() {
        given().formParam("caseNumber", "22222-22222").formParam("caseKey", "x").post("/hash").then().statusCode(405)
                .contentType(startsWith("text/html")).header("Cache-Control", "no-store")
                .body(containsString("id=\"not-allowed-page\"")).body(containsString("id=\"quick-exit\""))
                .body(containsString("href=\"/help\""));
        given().queryParam("lang", "de").delete("/cases/status").then().statusCode(405)
                .body(containsString("<html lang=\"de\""))
                .body(containsString("Diese Seite lässt sich so nicht öffnen"));
    }

    @Test
    void theApiStillAnswersAMethodItDoesNotTakeWithProblemJson() {
        given().delete("/api/cases").then().statusCode(405).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(405)).body("detail", equalTo("This method is not allowed here."));
    }
}
