package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Helpers for platform API tests: admin calls, platform keys, unique hashes and cases. */
public final class PlatformFixtures {
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());
    private static final Random RANDOM = new Random();

    private PlatformFixtures() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static String newPlatformKey(String name) {
        return admin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/admin/platforms").then().statusCode(201).extract().path("apiKey");
    }

    /**
     * Makes every scheduled canary of every platform, as {@link CanaryJob} does once their times have come (the
     * latest a month after their key), and sequences them.
     */
    public static void makeScheduledCanaries() {
        CanaryService canaries = Arc.container().instance(CanaryService.class).get();
        Instant later = Instant.now().plus(Arc.container().instance(PlatformConfig.class).get().canaryAllWithin())
                .plusSeconds(1);
        while (canaries.makeDue(later) == CanaryService.PER_RUN) {
            continue;
        }
        Arc.container().instance(SyncJob.class).get().runNow();
    }

    public static RequestSpecification platform(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    public static String md5() {
        return String.format("%032x", UNIQUE.incrementAndGet());
    }

    /** A random PDQ with exactly 128 of its 256 bits set, as every real image's (the portal refuses more). */
    public static String randomPdq() {
        java.math.BigInteger h = java.math.BigInteger.ZERO;
        for (int set = 0; set < 128; ) {
            int bit = RANDOM.nextInt(256);
            if (!h.testBit(bit)) {
                h = h.setBit(bit);
                set++;
            }
        }
        return String.format("%064x", h);
    }

    /** {@code pdq} with its lowest {@code bits} set bits cleared: {@code bits} away, and still a plausible PDQ. */
    public static String flip(String pdq, int bits) {
        java.math.BigInteger h = new java.math.BigInteger(pdq, 16);
        for (int b = 0, cleared = 0; cleared < bits; b++) {
            if (h.testBit(b)) {
                h = h.clearBit(b);
                cleared++;
            }
        }
        return String.format("%064x", h);
    }

    public static String image(String md5, String pdq, int quality) {
        return "{\"kind\":\"image\",\"md5\":\"" + md5 + "\",\"pdq\":\"" + pdq + "\",\"pdqQuality\":" + quality + "}";
    }

    public static String other(String md5) {
        return "{\"kind\":\"other\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}";
    }

    /** Creates a case over the API; returns {caseNumber, caseKey}. */
    public static String[] newCase(String... items) {
        var r = given().contentType(ContentType.JSON).body("{\"items\":[" + String.join(",", items) + "]}")
                .post("/api/cases").then().statusCode(201).extract();
        return new String[] {r.path("caseNumber"), r.path("caseKey")};
    }

    public static List<String> many(int n, java.util.function.IntFunction<String> item) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.apply(i));
        }
        return out;
    }
}
