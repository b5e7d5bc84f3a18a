package org.takeitdown.portal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.portal.cases.DegenerateHashes;

/**
 * The hashing page carries the rules its script applies, from the code and the running configuration:
 * an operator's body limit reaches the browser, and so do the MD5s the server refuses (the empty file's among them).
 */
@Tag("database")
@QuarkusTest
@TestProfile(HashPageRulesTest.LargerBodies.class)
class HashPageRulesTest {
    public static class LargerBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "2M");
        }
    }

    @Test
    void thePageRendersTheConfiguredBodyLimitAndTheSharedRules() {
        given().get("/hash").then().statusCode(200)
                .body(containsString("data-frames-body-limit=\"" + 2 * 1024 * 1024 + "\""))
                .body(containsString("data-body-limit=\"" + 256 * 1024 + "\""))
                .body(containsString("data-items-per-request=\"100\""))
                .body(containsString("data-pdq-min-quality=\"" + HashRules.PDQ_MIN_QUALITY + "\""))
                .body(containsString("data-site-wide-limits=\"clients-full exports body-bytes-all\""))
                .body(containsString("data-daily-limits=\"cases-per-day items-per-day frames-per-day\""))
                .body(containsString("data-refused-md5s=\"" + String.join(" ", DegenerateHashes.refusedMd5s()) + "\""))
                .body(containsString("d41d8cd98f00b204e9800998ecf8427e"));
    }
}
