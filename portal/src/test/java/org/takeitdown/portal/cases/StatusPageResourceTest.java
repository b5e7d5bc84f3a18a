package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
@QuarkusTest
class StatusPageResourceTest {
    @Test
    void statusFormShowsCaseAndWithdrawsOnlyWithConfirmation() {
        Response r = given().contentType(ContentType.JSON)
                .body(CaseApiTest.body(CaseApiTest.item(CaseApiTest.md5(1)), CaseApiTest.item(CaseApiTest.md5(2))))
                .post("/api/cases");
        String number = r.path("caseNumber");
        String key = r.path("caseKey");
        given().formParam("caseNumber", number.toLowerCase()).formParam("caseKey", key).post("/cases/status").then()
                .statusCode(200).body(containsString(number)).body(containsString("id=\"status-items\">2<"))
                .header("Cache-Control", "no-store");
        given().formParam("caseNumber", number).formParam("caseKey", key).post("/cases/withdraw").then()
                .statusCode(400).body(containsString("Tick the box to confirm."));
        given().formParam("caseNumber", number).formParam("caseKey", key).formParam("confirm", "yes")
                .post("/cases/withdraw").then().statusCode(200).body(containsString("Your case was withdrawn."));
        given().formParam("caseNumber", number).formParam("caseKey", key).queryParam("lang", "es").post("/cases/status").then()
                .statusCode(200).body(containsString("Retirado"));
    }

    @Test
    void wrongKeyShowsNotFoundMessage() {
        given().formParam("caseNumber", "22222-22222").formParam("caseKey", "x").post("/cases/status").then()
                .statusCode(404).body(containsString("We couldn&#39;t find a case"));
    }

    @Test
    void theWithdrawAddressOpenedAgainLeadsToTheStatusFormNotAnError() {
        given().redirects().follow(false).get("/cases/withdraw").then().statusCode(303)
                .header("Location", endsWith("/cases/status"));
        given().redirects().follow(false).queryParam("lang", "es").get("/cases/withdraw").then().statusCode(303)
                .header("Location", endsWith("/cases/status?lang=es"));
        given().get("/cases/withdraw").then().statusCode(200).body(containsString("id=\"caseKey\""))
                .body(containsString("id=\"quick-exit\""));
    }
}
