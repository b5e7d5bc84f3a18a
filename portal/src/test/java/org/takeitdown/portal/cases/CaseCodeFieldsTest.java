package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Case numbers and keys as the teen types and reads them: kept after a failed look-up, shown left to right. */
@Tag("database")
@QuarkusTest
class CaseCodeFieldsTest {
    @Inject
    CaseService cases;

    private CaseApi.Created newCase() {
        return cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
    }

    @Test
    void aWrongKeyLeavesTheNumberAndKeyAsTypedInTheFormSoOneWrongCharacterCanBeFixed() {
        CaseApi.Created c = newCase();
        String typo = (c.caseKey().charAt(0) == 'Z' ? "Y" : "Z") + c.caseKey().substring(1);
        for (String page : List.of("/cases/status", "/cases/withdraw", "/hash/add")) {
            given().formParam("caseNumber", c.caseNumber()).formParam("caseKey", typo).formParam("confirm", "yes")
                    .post(page).then().statusCode(404).body(containsString("id=\"not-found\""))
                    .body(containsString("value=\"" + c.caseNumber() + "\""))
                    .body(containsString("value=\"" + typo + "\""));
        }
        assertActive(c);
    }

    @Test
    void aTypedValueLongerThanAnyCaseKeyIsNotFilledIn() {
        String tooLong = "A".repeat(105);
        given().formParam("caseNumber", tooLong).formParam("caseKey", "B").post("/cases/status").then().statusCode(404)
                .body(containsString("value=\"\"")).body(containsString("value=\"B\""));
    }

    @Test
    void caseNumbersAndKeysAreWrittenLeftToRightOnArabicPages() {
        CaseApi.Created c = newCase();
        given().queryParam("lang", "ar").get("/cases/status").then().statusCode(200)
                .body(containsString("name=\"caseNumber\" value=\"\" dir=\"ltr\""))
                .body(containsString("name=\"caseKey\" value=\"\" dir=\"ltr\""));
        given().queryParam("lang", "ar").formParam("caseNumber", c.caseNumber()).formParam("caseKey", c.caseKey())
                .post("/cases/status").then().statusCode(200)
                .body(containsString("<span id=\"status-number\" dir=\"ltr\">" + c.caseNumber() + "</span>"));
        given().queryParam("lang", "ar").formParam("caseNumber", c.caseNumber()).formParam("caseKey", c.caseKey())
                .post("/hash/add").then().statusCode(200)
                .body(containsString("\u2066" + c.caseNumber() + "\u2069"));
        given().queryParam("lang", "ar").get("/hash").then().statusCode(200)
                .body(containsString("id=\"case-number\" class=\"secret\" dir=\"ltr\""))
                .body(containsString("id=\"case-key\" class=\"secret\" dir=\"ltr\""));
    }

    private void assertActive(CaseApi.Created c) {
        given().header("X-Case-Key", c.caseKey()).get("/api/cases/" + c.caseNumber()).then().statusCode(200)
                .body(containsString("\"status\":\"active\""));
    }
}
