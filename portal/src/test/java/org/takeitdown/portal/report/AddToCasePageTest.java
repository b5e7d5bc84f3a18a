package org.takeitdown.portal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;

@Tag("database")
@QuarkusTest
class AddToCasePageTest {
    @Inject
    CaseService cases;

    @Test
    void addingFilesHasItsOwnAddressWhichOpenedAgainAsksForTheNumberAndKeyAndIsNeverTheNewCasePage() {
        given().get("/hash/add").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("id=\"add-again\""))
                .body(containsString("type your case number and case key again"))
                .body(containsString("action=\"/hash/add\"")).body(containsString("id=\"quick-exit\""))
                .body(not(containsString("id=\"hasher\"")));
        given().queryParam("lang", "es").get("/hash/add").then().statusCode(200)
                .body(containsString("action=\"/hash/add?lang=es\""));
    }

    @Test
    void theNumberAndKeyTypedAgainOpenTheAddFilesPageAndAWrongOneSaysSoWithoutMakingANewCasePage() {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        given().formParam("caseNumber", c.caseNumber()).formParam("caseKey", c.caseKey()).post("/hash/add").then()
                .statusCode(200).body(containsString("id=\"adding-to\"")).body(containsString(c.caseNumber()));
        given().formParam("caseNumber", c.caseNumber()).formParam("caseKey", "WRONG").post("/hash/add").then()
                .statusCode(404).body(containsString("id=\"not-found\"")).body(containsString("id=\"add-again\""))
                .body(not(containsString("id=\"hasher\"")));
    }

    @Test
    void theStatusPageSendsAddMoreFilesToTheAddAddress() {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        given().formParam("caseNumber", c.caseNumber()).formParam("caseKey", c.caseKey()).post("/cases/status").then()
                .statusCode(200).body(containsString("<form method=\"post\" action=\"/hash/add\""));
    }
}
