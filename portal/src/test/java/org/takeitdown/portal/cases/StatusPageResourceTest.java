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
    /** A form as browsers send it from a UTF-8 page. */
    private static final String UTF8_FORM = "application/x-www-form-urlencoded; charset=UTF-8";

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

    /** The text with its digits in another script's (zero at {@code zero}), as a phone keyboard types them. */
    static String withDigits(String text, char zero) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(Character.isDigit(c) ? (char) (zero + c - '0') : (char) c));
        return b.toString();
    }

    /** The text in full-width forms, as East Asian keyboards type them. */
    static String fullWidth(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append((char) (c + 0xFEE0)));
        return b.toString();
    }

    @Test
    void findsCaseTypedWithArabicIndicDigitsFullWidthCharactersAndDashesAndCarriesItsKeyOnAsTyped() {
        Response r = given().contentType(ContentType.JSON)
                .body(CaseApiTest.body(CaseApiTest.item(CaseApiTest.md5(3)))).post("/api/cases");
        String number = r.path("caseNumber");
        String key = r.path("caseKey");
        given().contentType(UTF8_FORM).formParam("caseNumber", withDigits(number, '\u0660').replace('-', '\u2014'))
                .formParam("caseKey", withDigits(key, '\u0660')).queryParam("lang", "ar").post("/cases/status").then()
                .statusCode(200).body(containsString(number))
                .body(containsString("name=\"caseKey\" value=\"" + key + "\""));
        given().contentType(UTF8_FORM).formParam("caseNumber", fullWidth(number)).formParam("caseKey", withDigits(key, '\u06F0'))
                .post("/hash/add").then().statusCode(200).body(containsString("data-case-key=\"" + key + "\""));
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
