package org.takeitdown.portal.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.ReportCase;
import org.takeitdown.portal.platform.PlatformFixtures;

/**
 * 429 answers over HTTP, with small budgets: problem JSON on the API, a calm page for people. Tests that
 * need an address of their own send it in X-Forwarded-For through the loopback "proxy".
 */
@Tag("database")
@QuarkusTest
@TestProfile(RateLimitApiTest.SmallBudgets.class)
class RateLimitApiTest {
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.create-per-window", "3",
                    "portal.limits.cases-per-day", "3",
                    "portal.limits.lookup-failures-per-window", "4",
                    "portal.limits.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Inject
    CaseService cases;

    private static String body(int i) {
        return "{\"items\":[{\"kind\":\"other\",\"md5\":\"" + String.format("%032x", 0xabc000L + i)
                + "\",\"pdq\":null,\"pdqQuality\":null}]}";
    }

    @Test
    void answersTooManyRequestsOverTheDailyCapAndCreatesNothing() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(body(i)).post("/api/cases").then().statusCode(201);
        }
        long before = QuarkusTransaction.requiringNew().call(() -> ReportCase.count());
        given().contentType(ContentType.JSON).body(body(9)).post("/api/cases").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429)).body("detail", containsString("one day"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.count())).isEqualTo(before);
    }

    @Test
    void blocksLookupsAfterTooManyWrongKeysEvenWithTheRightKey() {
        CaseApi.Created created = cases.create(
                new CaseApi.ItemsRequest(java.util.List.of(new CaseApi.Item("other", String.format("%032x", 77), null, null))),
                null);
        for (int i = 0; i < 4; i++) {
            given().header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22").get("/api/cases/" + created.caseNumber())
                    .then().statusCode(404);
        }
        given().header("X-Case-Key", created.caseKey()).get("/api/cases/" + created.caseNumber())
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().formParam("caseNumber", created.caseNumber()).formParam("caseKey", created.caseKey())
                .header("Accept-Language", "es").post("/cases/status")
                .then().statusCode(429).contentType(containsString("text/html"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body(containsString("id=\"too-many\""), containsString("Espera más o menos"))
                .body(containsString("id=\"quick-exit\""));
    }

    /**
     * Only a guess counts: a look-up without a key (what an image on another site's page sends from a visitor's
     * browser, which can't add the key's header) or with a number or key of the wrong form can't match any case, and
     * must not use up the look-ups of everyone at the address.
     */
    @Test
    void lookupsWithoutAKeyOrWithANumberOrKeyOfTheWrongFormDoNotCount() {
        CaseApi.Created created = cases.create(
                new CaseApi.ItemsRequest(java.util.List.of(new CaseApi.Item("other", String.format("%032x", 78), null, null))),
                null);
        String address = "198.51.100.206";
        for (int i = 0; i < 6; i++) {
            from(address).get("/api/cases/" + created.caseNumber()).then().statusCode(404);
            from(address).header("X-Case-Key", "WRONG").get("/api/cases/" + created.caseNumber()).then().statusCode(404);
            from(address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22").get("/api/cases/NOT-A-NUMBER")
                    .then().statusCode(404);
            from(address).formParam("caseNumber", created.caseNumber()).formParam("caseKey", "")
                    .post("/cases/status").then().statusCode(404);
        }
        from(address).header("X-Case-Key", created.caseKey()).get("/api/cases/" + created.caseNumber())
                .then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            from(address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22").get("/api/cases/" + created.caseNumber())
                    .then().statusCode(404);
        }
        from(address).header("X-Case-Key", created.caseKey()).get("/api/cases/" + created.caseNumber())
                .then().statusCode(429);
    }

    /**
     * A per-address limit is reached by everyone behind the address (a school's Wi-Fi, a phone network): a teen
     * refused on their first try is told the network may be shared, never that "this connection" tried too much.
     */
    @Test
    void aLimitOnOneAddressIsNamedAndItsPageSaysOthersOnTheSameNetworkCountToo() {
        String address = "198.51.100.205";
        for (int i = 50; i < 53; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(i))
                    .post("/api/cases").then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(53)).post("/api/cases")
                .then().statusCode(429).contentType("application/problem+json").body("limit", equalTo("cases-per-day"));
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", address).formParam("caseNumber", "E5P7R-AHREJ")
                    .formParam("caseKey", "BADKEYBADKEYBADKEYBADKEY22").post("/cases/status").then().statusCode(404);
        }
        given().header("X-Forwarded-For", address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22")
                .get("/api/cases/E5P7R-AHREJ").then().statusCode(429).body("limit", equalTo("lookup-failures"));
        given().header("X-Forwarded-For", address).formParam("caseNumber", "E5P7R-AHREJ")
                .formParam("caseKey", "BADKEYBADKEYBADKEYBADKEY22").post("/cases/status")
                .then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("Lots of tries came from your Wi-Fi or phone network, maybe from other people"),
                        containsString("Nothing you already sent is lost."),
                        not(containsString("this connection")), not(containsString("Lots of people are using")));
    }

    @Test
    void wrongCaseKeysDoNotLockOutAPlatformKeyOrTheAdminAtTheSameAddress() {
        String platformKey = PlatformFixtures.newPlatformKey("Shares an address");
        String address = "198.51.100.201";
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22")
                    .get("/api/cases/E5P7R-AHREJ").then().statusCode(404);
        }
        given().header("X-Forwarded-For", address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22")
                .get("/api/cases/E5P7R-AHREJ").then().statusCode(429)
                .body("detail", containsString("wrong case number or key"));
        PlatformFixtures.platform(platformKey).header("X-Forwarded-For", address).get("/api/platform/v1/hashes")
                .then().statusCode(200);
        PlatformFixtures.admin().header("X-Forwarded-For", address).get("/api/admin/platforms").then().statusCode(200);
    }

    @Test
    void retriesWithTheSameIdempotencyKeyGetTheSameCaseAndDoNotUseUpTheNewCaseAllowance() {
        String address = "198.51.100.203";
        String key = "retry-after-a-lost-answer-0001";
        String first = null;
        for (int i = 0; i < 5; i++) {
            String number = given().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body(30)).post("/api/cases")
                    .then().statusCode(201).extract().path("caseNumber");
            first = first == null ? number : first;
            assertThat(number).isEqualTo(first);
        }
        for (int i = 31; i < 33; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(i))
                    .post("/api/cases").then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(33))
                .post("/api/cases").then().statusCode(429);
    }

    @Test
    void aRetryOverTheLimitOnNewCasesStillGetsTheCaseItsFirstTryCreated() {
        String address = "198.51.100.204";
        String key = "retry-at-the-new-case-limit-01";
        Map<String, String> first = given().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(40)).post("/api/cases")
                .then().statusCode(201).extract().path("$");
        for (int i = 41; i < 43; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(i))
                    .post("/api/cases").then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body(43))
                .post("/api/cases").then().statusCode(429);
        long before = QuarkusTransaction.requiringNew().call(() -> ReportCase.count());

        given().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(40)).post("/api/cases")
                .then().statusCode(201).body("caseNumber", equalTo(first.get("caseNumber")))
                .body("caseKey", equalTo(first.get("caseKey")));
        given().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(44)).post("/api/cases")
                .then().statusCode(422).body("detail", containsString("different body"));
        given().header("X-Forwarded-For", address).header("Idempotency-Key", "a-new-try-at-the-limit-000001")
                .contentType(ContentType.JSON).body(body(45)).post("/api/cases")
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.count())).isEqualTo(before);
    }

    @Test
    void refusedNewCasesDoNotUseUpTheNewCaseAllowance() {
        String emptyFile = "{\"items\":[{\"kind\":\"other\",\"md5\":\"d41d8cd98f00b204e9800998ecf8427e\","
                + "\"pdq\":null,\"pdqQuality\":null}]}";
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "198.51.100.202").contentType(ContentType.JSON).body(emptyFile)
                    .post("/api/cases").then().statusCode(400);
        }
        given().header("X-Forwarded-For", "198.51.100.202").contentType(ContentType.JSON).body(body(20))
                .post("/api/cases").then().statusCode(201);
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }
}
