package org.takeitdown.portal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.takeitdown.portal.platform.PlatformFixtures.ADMIN_PASSWORD;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin sign-in mechanism beside the platform one: each keeps to its own paths, refuses before the body
 * is read, and counts refused attempts against the address's wrong admin passwords, apart from its case
 * look-ups (each test from its own address).
 */
@Tag("database")
@QuarkusTest
@TestProfile(AdminSignInTest.SmallLookupBudget.class)
class AdminSignInTest {
    private static final String BASIC = "Basic realm=\"admin\", charset=\"UTF-8\"";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    public static class SmallLookupBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.lookup-failures-per-window", "4",
                    "portal.limits.trusted-proxies", "127.0.0.1,::1");
        }
    }

    /** Requests from a client address of their own, through the loopback "proxy". */
    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private static RequestSpecification admin(String address) {
        return from(address).auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    private static String newPlatformKey(String address) {
        return admin(address).contentType(ContentType.JSON).body("{\"name\":\"Sign-in test\"}")
                .post("/api/admin/platforms").then().statusCode(201).extract().path("apiKey");
    }

    @Test
    void refusedAttemptsCountAgainstTheAddressUntilEvenTheRightPasswordGets429() {
        String address = newAddress();
        from(address).auth().preemptive().basic("admin", "wrong").get("/api/admin/platforms").then().statusCode(401);
        from(address).auth().preemptive().basic("admin", "").get("/admin").then().statusCode(401)
                .header("WWW-Authenticate", BASIC);
        from(address).header("Authorization", "Bearer " + ADMIN_PASSWORD).get("/api/admin/platforms").then()
                .statusCode(401);
        from(address).auth().preemptive().basic("root", ADMIN_PASSWORD).post("/admin/platforms/1/rotate").then()
                .statusCode(401);
        admin(address).get("/api/admin/platforms").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        from(address).header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22").get("/api/cases/ABCD-EFGH-JKLM")
                .then().statusCode(404);
        admin(newAddress()).get("/api/admin/platforms").then().statusCode(200);
    }

    @Test
    void requestsWithoutCredentialsGetTheChallengeAndCountNowhere() {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            from(address).get(i % 2 == 0 ? "/admin" : "/api/admin/platforms").then().statusCode(401)
                    .header("WWW-Authenticate", BASIC);
        }
        admin(address).get("/api/admin/platforms").then().statusCode(200);
    }

    @Test
    void aBodyWithoutTheRightPasswordIsRefusedBeforeItIsRead() {
        String address = newAddress();
        from(address).contentType(ContentType.JSON).body("{not json").post("/api/admin/platforms").then()
                .statusCode(401).header("WWW-Authenticate", BASIC).contentType("application/problem+json")
                .body("detail", containsString("Sign in as admin"));
        admin(address).contentType(ContentType.JSON).body("{not json").post("/api/admin/platforms").then()
                .statusCode(400);
    }

    @Test
    void theAdminAndPlatformMechanismsEachKeepToTheirOwnPaths() {
        String address = newAddress();
        String key = newPlatformKey(address);
        from(address).header("Authorization", "Bearer " + key).get("/api/platform/v1/hashes").then().statusCode(200);
        admin(address).get("/api/admin/platforms").then().statusCode(200);

        admin(address).get("/api/platform/v1/hashes").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("Authorization: Bearer"));
        admin(address).get("/api/stopncii/v1/FetchHashes").then().statusCode(401)
                .header("WWW-Authenticate", "FunctionsKey");
        String other = newAddress();
        from(other).header("Authorization", "Bearer " + key).get("/api/admin/platforms").then().statusCode(401)
                .header("WWW-Authenticate", BASIC).body("status", equalTo(401));
        from(other).header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key).get("/admin").then()
                .statusCode(401).header("WWW-Authenticate", BASIC);
    }
}
