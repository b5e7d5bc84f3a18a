package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A platform key over its request rate gets 429 problem JSON with Retry-After from the sign-in, on both APIs. */
@Tag("database")
@QuarkusTest
@TestProfile(PlatformRateLimitApiTest.SlowPlatforms.class)
class PlatformRateLimitApiTest {
    /** One request a second, a burst of two. */
    public static class SlowPlatforms implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.platform-per-second", "1", "portal.limits.platform-burst", "2");
        }
    }

    private static void assertLimited(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotBlank();
    }

    @Test
    void aKeyOverItsRateIsAnswered429OnTheNativeApiAndTheExchange() {
        String key = newPlatformKey("Hasty");
        Response last = null;
        for (int i = 0; i < 4; i++) {
            last = platform(key).get("/api/platform/v1/hashes?limit=1");
        }
        assertLimited(last);
        String other = newPlatformKey("Hasty exchange");
        for (int i = 0; i < 4; i++) {
            last = given().header("x-functions-key", other).header("Ocp-Apim-Subscription-Key", other)
                    .get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800");
        }
        assertLimited(last);
    }
}
