package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.ReportCase;
import org.takeitdown.portal.platform.MatchFeedback;
import org.takeitdown.portal.platform.Platform;
import org.takeitdown.portal.platform.PlatformFixtures;

/**
 * Thousands of generated bad requests to every API endpoint: mutated and malformed bodies, odd
 * content types and headers, mangled paths and methods. Never a 5xx; every answer the application
 * gives on /api is problem JSON (the HTTP layer's own bodiless 400/414/431 excepted); and a refused
 * request changes nothing in the database. Bodies stay within the 1 MiB limit: TooLargeBodyTest sends those over it.
 */
@Tag("database")
@QuarkusTest
class BadInputFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final String PDQ = "a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05";

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {ReportCase.count(), CaseItem.count(),
                CaseItem.count("status <> org.takeitdown.portal.cases.CaseStatus.active"), Platform.count(),
                Platform.count("revoked", true), MatchFeedback.count()});
    }

    private static final String[] VALID_BODIES = {
        "{\"items\":[{\"kind\":\"image\",\"md5\":\"0123456789abcdef0123456789abcdef\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":90}]}",
        "{\"items\":[{\"kind\":\"other\",\"md5\":\"0123456789abcdef0123456789abcdef\",\"pdq\":null,\"pdqQuality\":null}]}",
        "{\"md5\":[\"0123456789abcdef0123456789abcdef\"],\"pdq\":[\"" + PDQ + "\"],\"maxDistance\":31}",
        "{\"id\":1,\"outcome\":\"blocked\"}",
        "{\"name\":\"Platform\"}",
        "{\"reason\":\"false submission\"}",
        "{\"items\":[{\"kind\":\"video\",\"md5\":\"0123456789abcdef0123456789abcdef\",\"pdq\":null,\"pdqQuality\":null,"
                + "\"vpdq\":[{\"t\":0,\"pdq\":\"" + PDQ + "\",\"q\":90},{\"t\":1.0,\"pdq\":\"" + PDQ.replace('0', '1') + "\",\"q\":70}]}]}",
        "{\"vpdq\":[[{\"t\":0,\"pdq\":\"" + PDQ + "\",\"q\":90}]],\"vpdqQueryMatch\":50,\"vpdqComparedMatch\":80.5}",
    };

    private static final String[] JUNK = {
        "", "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e309", "99999999999999999999999",
        "\"\\u0000\"", "\"\\ud800\"", "{}", "[]", "{\"items\":null}", "{\"items\":{}}", "\"x\"", "NaN",
        "{\"items\":[],\"items\":[]}", "{\"extra\":1}", "\u00e9", "\ufeff", "\\", "/*", "0x10", "[[[[[[[[[[",
        "\"md5\":\"ZZZZ\"", "\"pdqQuality\":101", "\"pdqQuality\":-1", "\"kind\":\"movie\"", "\"pdq\":\"" + PDQ + "0\"",
        "\"t\":-1", "\"t\":1e309", "\"t\":\"1\"", "\"q\":101", "\"vpdq\":[]", "\"vpdq\":[[]]", "\"vpdq\":null",
        "\"vpdqQueryMatch\":0", "\"vpdqComparedMatch\":100.1",
    };

    private static final String[] CONTENT_TYPES = {
        "application/json", "application/json; charset=UTF-8", "application/json; charset=latin1", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "*/*",
        "application/problem+json", "garbage", "application/json;;;", null,
    };

    private String path(Random r, String number) {
        String[] paths = {
            "/api/cases", "/api/cases/" + number, "/api/cases/" + number + "/items", "/api/platform/v1/hashes",
            "/api/platform/v1/hashes?after=" + r.nextInt(100) + "&limit=" + (r.nextInt(20002) - 1),
            "/api/platform/v1/hashes?after=abc", "/api/platform/v1/hashes/export", "/api/platform/v1/match",
            "/api/platform/v1/feedback", "/api/admin/platforms", "/api/admin/platforms/" + r.nextInt(5) + "/rotate",
            "/api/admin/platforms/" + r.nextInt(5), "/api/admin/items/" + r.nextInt(5) + "/remove",
            "/api/cases/%00", "/api/cases/" + "A".repeat(r.nextInt(3000)), "/api/admin/platforms/-1/rotate",
            "/api/admin/platforms/99999999999999999999", "/api/platform/v2/hashes", "/api/cases/%E2%82%AC/items",
            "/api/nothing", "/api/cases/..%2F..%2Fadmin", "/api/platform/v1/items/" + (r.nextInt(5) - 1) + "/vpdq",
            "/api/platform/v1/items/x/vpdq", "/api/platform/v1/items/99999999999999999999/vpdq",
        };
        return paths[r.nextInt(paths.length)];
    }

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 1 -> b.insert(at, JUNK[r.nextInt(JUNK.length)]);
                case 2 -> b.insert(at, (char) r.nextInt(0x3000));
                case 3 -> b.setLength(at);
                case 4 -> b.insert(at, "{\"items\":[".repeat(1 + r.nextInt(300)));
                default -> b.replace(at, Math.min(b.length(), at + 1 + r.nextInt(10)), JUNK[r.nextInt(JUNK.length)]);
            }
        }
        return b.toString();
    }

    private byte[] body(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] b = new byte[r.nextInt(2048)];
                r.nextBytes(b);
                yield b;
            }
            case 2 -> ("{\"items\":[" + "{\"kind\":\"other\",\"md5\":\"0123456789abcdef0123456789abcdef\"},".repeat(
                    3000 + r.nextInt(3000)) + "]}").getBytes(StandardCharsets.UTF_8);
            // At most 11,000 frames of 88 bytes: within the 1 MiB body limit.
            case 3 -> ("{\"vpdq\":[[" + ("{\"t\":1,\"pdq\":\"" + PDQ + "\",\"q\":90},").repeat(3000 + r.nextInt(8000))
                    + "]]}").getBytes(StandardCharsets.UTF_8);
            default -> mutate(VALID_BODIES[r.nextInt(VALID_BODIES.length)], r).getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void badRequestsNeverGiveA5xxAlwaysGetProblemJsonAndChangeNothing() throws Exception {
        String[] created = PlatformFixtures.newCase(PlatformFixtures.other(PlatformFixtures.md5()));
        String apiKey = PlatformFixtures.newPlatformKey("Fuzz target");
        String adminAuth = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + PlatformFixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Random r = new Random(SEED);
        String base = root.toString().replaceAll("/$", "");
        String[] methods = {"GET", "POST", "POST", "POST", "DELETE", "PUT", "PATCH"};
        List<String> failures = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String number = switch (r.nextInt(4)) {
                case 0 -> created[0];
                case 1 -> created[0].toLowerCase().replace("-", "");
                case 2 -> mutate(created[0], r).replaceAll("[^A-Za-z0-9-]", "X");
                default -> "ZZZZZ-ZZZZZ";
            };
            String method = methods[r.nextInt(methods.length)];
            String path = path(r, number);
            HttpRequest.Builder req;
            try {
                req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            } catch (IllegalArgumentException unparseable) {
                continue;
            }
            byte[] body = body(r);
            String type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
            if (type != null) {
                req.header("Content-Type", type);
            }
            switch (r.nextInt(5)) {
                case 0 -> req.header("Authorization", "Bearer " + apiKey);
                case 1 -> req.header("Authorization", r.nextBoolean() ? "Bearer " + mutate(apiKey, r).replaceAll("[^ -~]", "x")
                        : "Basic " + Base64.getEncoder().encodeToString(mutate("admin:x", r).getBytes(StandardCharsets.UTF_8)));
                case 2 -> req.header("Authorization", adminAuth);
                default -> { }
            }
            if (r.nextBoolean()) {
                req.header("X-Case-Key", r.nextBoolean() ? created[1] : mutate(created[1], r).replaceAll("[^ -~]", "x"));
            }
            if (r.nextInt(4) == 0) {
                req.header("Idempotency-Key", "k".repeat(r.nextInt(400)));
            }
            if (r.nextInt(6) == 0) {
                req.header("Accept", new String[] {"text/csv", "application/xml", "*/*", "nonsense"}[r.nextInt(4)]);
            }
            req.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            long[] before = counts();
            HttpResponse<String> res;
            try {
                res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                failures.add(method + " " + path + " [" + type + ", " + body.length + " bytes] got no answer: " + e);
                continue;
            }
            answered++;
            int status = res.statusCode();
            String what = method + " " + path + " [" + type + "] -> " + status;
            if (status >= 500) {
                failures.add(what + ": " + res.body());
            }
            boolean httpLayer = res.body().isEmpty() && (status == 400 || status == 414 || status == 431);
            if (status >= 400 && !httpLayer && !res.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                failures.add(what + " without problem JSON: " + res.headers().firstValue("Content-Type") + " " + res.body());
            }
            if (status >= 400 && !java.util.Arrays.equals(before, counts())) {
                failures.add(what + " changed the database");
            }
            if (failures.size() > 20) {
                break;
            }
        }
        System.out.printf("Fuzz: %d requests answered (seed %d)%n", answered, SEED);
        assertThat(failures).isEmpty();
        assertThat(answered).isGreaterThan(REQUESTS * 9 / 10);
    }
}
