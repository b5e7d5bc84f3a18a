package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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

    public static RequestSpecification platform(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    public static String md5() {
        return String.format("%032x", UNIQUE.incrementAndGet());
    }

    public static String randomPdq() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("%016x", RANDOM.nextLong()));
        }
        return sb.toString();
    }

    /** {@code pdq} with the lowest {@code bits} bits flipped. */
    public static String flip(String pdq, int bits) {
        char[] c = pdq.toCharArray();
        for (int b = 0; b < bits; b++) {
            int pos = 63 - b / 4;
            int v = Character.digit(c[pos], 16) ^ (1 << (b % 4));
            c[pos] = Character.forDigit(v, 16);
        }
        return new String(c);
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
