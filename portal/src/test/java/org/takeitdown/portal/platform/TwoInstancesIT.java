package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two packaged portals on one PostgreSQL database: a hash added through one is matched by the
 * other within 5 seconds, and a withdrawal through the other stops the match on the first.
 * Runs only against a jar built for PostgreSQL ({@code -Dquarkus.profile=pg -Dportal.it.pg=true}).
 */
@Tag("database")
class TwoInstancesIT {
    private static final String ADMIN = "it-admin-password";
    private final List<Process> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : servers) {
            p.destroy();
        }
        for (Process p : servers) {
            p.waitFor();
        }
    }

    private String start(int port) throws Exception {
        Path log = Path.of(System.getProperty("portal.jar")).getParent().getParent().resolve("instance-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Dquarkus.profile=pg", "-jar", System.getProperty("portal.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("PORTAL_DB_URL", System.getProperty("portal.it.db-url"));
        pb.environment().put("PORTAL_ADMIN_PASSWORD", ADMIN);
        servers.add(pb.start());
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", base + "/q/health/ready", null, null).statusCode() == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance on port " + port + " did not become ready; see " + log + ":\n"
                + Files.readString(log));
    }

    private HttpResponse<String> send(String method, String url, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private long millisUntilMatched(String base, String key, String pdq, boolean wanted) throws Exception {
        long start = System.nanoTime();
        while (true) {
            String body = send("POST", base + "/api/platform/v1/match", "Bearer " + key,
                    "{\"pdq\":[\"" + pdq + "\"],\"maxDistance\":0}").body();
            boolean matched = body.contains("\"distance\":0");
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (matched == wanted || ms > 5_000) {
                return matched == wanted ? ms : -1;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void hashAddedOnOneInstanceIsMatchedOnTheOtherWithinFiveSeconds() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("portal.it.pg"),
                "two-instance test runs only against a PostgreSQL build (-Dquarkus.profile=pg -Dportal.it.pg=true)");
        String a = start(18091);
        String b = start(18092);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> platform = send("POST", a + "/api/admin/platforms", basic, "{\"name\":\"Two instances\"}");
        assertThat(platform.statusCode()).isEqualTo(201);
        String key = field(platform.body(), "apiKey");

        Random r = new Random();
        String pdq = PlatformFixtures.randomPdq();
        String md5 = String.format("%016x%016x", r.nextLong(), r.nextLong());
        HttpResponse<String> created = send("POST", a + "/api/cases", null, "{\"items\":[{\"kind\":\"image\",\"md5\":\""
                + md5 + "\",\"pdq\":\"" + pdq + "\",\"pdqQuality\":90}]}");
        assertThat(created.statusCode()).isEqualTo(201);
        long seen = millisUntilMatched(b, key, pdq, true);
        System.out.println("Two instances: added on A, matched on B after " + seen + " ms");
        assertThat(seen).as("ms until instance B matched").isBetween(0L, 5_000L);

        HttpRequest delete = HttpRequest.newBuilder(URI.create(b + "/api/cases/" + field(created.body(), "caseNumber")))
                .header("X-Case-Key", field(created.body(), "caseKey")).DELETE().build();
        assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        long gone = millisUntilMatched(a, key, pdq, false);
        System.out.println("Two instances: withdrawn on B, gone from A after " + gone + " ms");
        assertThat(gone).isBetween(0L, 5_000L);
    }
}
