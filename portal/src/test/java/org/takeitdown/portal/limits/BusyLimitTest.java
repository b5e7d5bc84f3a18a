package org.takeitdown.portal.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A site-wide limit (tables of addresses so full that new addresses wait) refuses a teen who did nothing too
 * often: its 429 names it, and its page says the site is busy, not that their connection tried too much.
 */
@Tag("database")
@QuarkusTest
@TestProfile(BusyLimitTest.OneAddress.class)
class BusyLimitTest {
    /** Tables of one address each, the test client a trusted proxy so each request names its address. */
    public static class OneAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.max-clients", "1",
                    "portal.limits.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final String BODY = "{\"items\":[{\"kind\":\"other\",\"md5\":\"" + String.format("%032x", 0xb05e1L)
            + "\",\"pdq\":null,\"pdqQuality\":null}]}";

    @Test
    void aNewAddressRefusedBecauseThePortalIsFullIsToldItIsBusyNotThatItTriedTooOften() {
        String first = "203.0.113.61";
        String newcomer = "203.0.113.62";
        given().header("X-Forwarded-For", first).contentType(ContentType.JSON).body(BODY).post("/api/cases")
                .then().statusCode(201);
        given().header("X-Forwarded-For", first).formParam("caseNumber", "E5P7R-AHREJ")
                .formParam("caseKey", "BADKEYBADKEYBADKEYBADKEY22").post("/cases/status").then().statusCode(404);

        given().header("X-Forwarded-For", newcomer).contentType(ContentType.JSON).body(BODY).post("/api/cases")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("limit", equalTo("clients-full"));
        given().header("X-Forwarded-For", newcomer).formParam("caseNumber", "E5P7R-AHREJ")
                .formParam("caseKey", "BADKEYBADKEYBADKEYBADKEY22").post("/cases/status")
                .then().statusCode(429).contentType(containsString("text/html"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body(containsString("Lots of people are using this site right now. Please wait about"),
                        containsString("Nothing you already sent is lost."),
                        not(containsString("this connection")), not(containsString("Wi-Fi")));
        given().header("X-Forwarded-For", newcomer).header("Accept-Language", "es").formParam("caseNumber", "E5P7R-AHREJ")
                .formParam("caseKey", "BADKEYBADKEYBADKEYBADKEY22").post("/cases/status")
                .then().statusCode(429).body(containsString("Ahora mismo mucha gente está usando este sitio."));
    }
}
