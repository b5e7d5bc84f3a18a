package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.platform.PlatformFixtures;

/**
 * A body over {@code quarkus.http.limits.max-body-size} (1 MiB) on the API, with a Content-Length or chunked,
 * is a 413 problem naming the limits, with no ERROR in the log; a body of exactly the limit still reaches the resource.
 * A request to a signed-in API without valid credentials is a 401 before its body is read; a page gets a page. Run
 * with HTTP/2 turned on (it is off as shipped), so that its answers are checked over both versions.
 */
@Tag("database")
@QuarkusTest
@TestProfile(TooLargeBodyTest.Http2On.class)
class TooLargeBodyTest {
    /** HTTP/2 on, as an operator may turn it on behind a proxy that buffers bodies. */
    public static class Http2On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.http2", "true");
        }
    }

    private static final int MAX = 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String PDQ = "a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05";
    /** How long a failed write needs to reach the log after its answer (it was logged as the answer ended). */
    private static final Duration LOG_SETTLES = Duration.ofSeconds(1);

    @TestHTTPResource("/")
    URL root;

    @Inject
    RequestBytes received;

    private final ObjectMapper json = new ObjectMapper();
    private LogRecords logs;

    /** One answer read off the socket. */
    private record Answer(int status, Map<String, String> headers, String body, boolean continued) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    @BeforeEach
    void listen() {
        logs = LogRecords.listen();
    }

    @AfterEach
    void stop() {
        logs.close();
    }

    /** {@code {"items":[...]}} of image items, valid JSON of about 2 MiB. */
    private static byte[] twoMebibytesOfItems() {
        String items = IntStream.range(0, 40_000).mapToObj(i -> "{\"kind\":\"image\",\"md5\":\"" + String.format("%032x", i) + "\"}")
                .collect(Collectors.joining(","));
        return ("{\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** A new case of one video item with a vPDQ frame, padded with spaces to exactly {@code size} bytes. */
    private static byte[] videoCaseOf(int size) {
        String start = "{\"items\":[{\"kind\":\"video\",\"md5\":\"" + PlatformFixtures.md5() + "\",\"pdq\":null,\"pdqQuality\":null,"
                + "\"vpdq\":[{\"t\":0,\"pdq\":\"" + PDQ + "\",\"q\":90}]}]";
        return (start + " ".repeat(size - start.length() - 1) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** A match query of one MD5, padded with spaces to exactly {@code size} bytes. */
    private static byte[] md5Query(int size) {
        String start = "{\"md5\":[\"" + PlatformFixtures.md5() + "\"]";
        return (start + " ".repeat(size - start.length() - 1) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * POSTs {@code body} on its own connection, chunked or with its Content-Length, and reads the answer while
     * writing. With a Content-Length the client asks to continue and sends the body only after "100 Continue": an
     * over-limit body is answered from its headers alone. (The JDK 17 HttpClient hangs on a final answer with a body to
     * "Expect: 100-continue", JDK-8286171, hence a socket.) The connection is closed once the answer is in.
     */
    private Answer send(String path, String contentType, byte[] body, boolean chunked, String... headers) throws Exception {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n"));
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        CompletableFuture<Void> continued = new CompletableFuture<>();
        if (chunked) {
            continued.complete(null);
        }
        CompletableFuture<Void> sending;
        Answer answer;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sending = continued.thenRunAsync(() -> {
                try {
                    for (int i = 0; i < body.length; i += 16 * 1024) {
                        int n = Math.min(16 * 1024, body.length - i);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, i, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The answer came and the connection was closed before the whole body was sent.
                }
            });
            answer = readAnswer(socket.getInputStream(), continued);
        }
        continued.complete(null);
        sending.join();
        return answer;
    }

    /** Reads until one whole final answer is in (or the connection ends: a reset once the server closed it too). */
    private static Answer readAnswer(InputStream in, CompletableFuture<Void> continued) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
                if (read.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 100 Continue\r\n\r\n")) {
                    continued.complete(null);
                }
                Answer answer = parse(read.toByteArray());
                if (answer != null) {
                    return answer;
                }
            }
        } catch (IOException e) {
            // The server closed the connection with body bytes still unread.
        }
        Answer answer = parse(read.toByteArray());
        assertThat(answer).as("a whole answer in: %s", read.toString(StandardCharsets.UTF_8)).isNotNull();
        return answer;
    }

    /** The final answer (after any "100 Continue") of an HTTP/1.1 response, its body decoded when chunked; null until whole. */
    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        boolean continued = text.startsWith("HTTP/1.1 100");
        while (text.startsWith("HTTP/1.1 100") && text.contains("\r\n\r\n")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || text.startsWith("HTTP/1.1 100")) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            if (!body.endsWith("0\r\n\r\n")) {
                return null;
            }
            StringBuilder decoded = new StringBuilder();
            for (int at = 0, size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).trim(), 16)) > 0; ) {
                int start = body.indexOf("\r\n", at) + 2;
                decoded.append(body, start, start + size);
                at = start + size + 2;
            }
            body = decoded.toString();
        } else if (body.getBytes(StandardCharsets.UTF_8).length < Integer.parseInt(headers.getOrDefault("content-length", "0"))) {
            return null;
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body, continued);
    }

    private void assertNoErrorLogged() throws InterruptedException {
        Thread.sleep(LOG_SETTLES.toMillis());
        assertThat(logs.errors()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitOnTheApiWithALengthOrChunkedIsA413ProblemNamingTheLimitsAndLogsNoError() throws Exception {
        String key = PlatformFixtures.newPlatformKey("Too large " + System.nanoTime());
        for (boolean chunked : new boolean[] {false, true}) {
            List<Answer> answers = List.of(send("/api/cases", JSON, twoMebibytesOfItems(), chunked),
                    send("/api/cases", JSON, videoCaseOf(MAX + 1), chunked),
                    send("/api/platform/v1/match", JSON, md5Query(MAX + 1), chunked, "Authorization: Bearer " + key));
            for (Answer a : answers) {
                assertThat(a.status()).as(a.body()).isEqualTo(413);
                assertThat(a.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
                assertThat(a.header("Cache-Control")).isEqualTo("no-store");
                assertThat(a.header("Connection")).isEqualTo("close");
                assertThat(a.header("Content-Security-Policy")).contains("default-src 'self'");
                assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
                JsonNode problem = json.readTree(a.body());
                assertThat(problem.path("status").asInt()).isEqualTo(413);
                assertThat(problem.path("title").asText()).isEqualTo("Body too large");
                assertThat(problem.path("detail").asText())
                        .isEqualTo("A body without video frames may be at most 256 KiB; one with vPDQ frames at most 1 MiB.");
            }
        }
        assertNoErrorLogged();
    }

    @Test
    void aFormOverTheLimitOnAPageIsA413AndLogsNoError() throws Exception {
        byte[] form = ("caseNumber=" + "A".repeat(2 * MAX) + "&caseKey=x").getBytes(StandardCharsets.US_ASCII);
        for (boolean chunked : new boolean[] {false, true}) {
            assertThat(send("/cases/status", "application/x-www-form-urlencoded", form, chunked, origin()).status()).isEqualTo(413);
        }
        assertNoErrorLogged();
    }

    @Test
    void aFormWithALengthOverTheLimitOnAPageGetsACalmPageInTheRequestsLanguage() throws Exception {
        byte[] form = ("caseNumber=" + "A".repeat(2 * MAX) + "&caseKey=x").getBytes(StandardCharsets.US_ASCII);
        Answer a = send("/cases/status", "application/x-www-form-urlencoded", form, false, origin(), "Accept-Language: de");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertThat(a.header("Connection")).isEqualTo("close");
        assertThat(a.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(a.body()).contains("id=\"body-refused-page\"", "Das konnte nicht gesendet werden",
                "Was gesendet wurde, war zu groß", "quick-exit");
        assertNoErrorLogged();
    }

    @Test
    void aFormOfAnotherTypeOnAPageIsA415WithACalmPage() throws Exception {
        HttpResponse<String> a = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.toURI().resolve("/cases/status"))
                .header("Content-Type", "text/plain").header("Origin", origin().substring("Origin: ".length()))
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofString("caseNumber=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).isEqualTo(415);
        assertThat(a.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(a.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(a.body()).contains("id=\"body-refused-page\"",
                "Ce qui a été envoyé était trop gros", "quick-exit");
    }

    private String origin() {
        return "Origin: " + root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    /** POSTs over the limit to each signed-in API with no or wrong credentials: path, credential header, challenge. */
    private static final String[][] UNSIGNED = {
        {"/api/platform/v1/match", null, "Bearer"},
        {"/api/platform/v1/match", "Authorization: Bearer wrong-key", "Bearer"},
        {"/api/stopncii/v1/SubmitFeedback", null, "FunctionsKey"},
        {"/api/stopncii/v1/SubmitFeedback", "x-functions-key: wrong-key", "FunctionsKey"},
        {"/api/admin/platforms", null, "Basic realm=\"admin\", charset=\"UTF-8\""},
        {"/api/admin/platforms", "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "admin:wrong".getBytes(StandardCharsets.UTF_8)), "Basic realm=\"admin\", charset=\"UTF-8\""},
    };

    @Test
    void aBodyToASignedInApiWithoutValidCredentialsIsA401BeforeTheBodyIsReadWithALengthOrChunked() throws Exception {
        byte[] body = md5Query(2 * MAX);
        for (boolean chunked : new boolean[] {false, true}) {
            for (String[] u : UNSIGNED) {
                received.reset();
                String[] headers = u[1] == null ? new String[0]
                        : u[1].startsWith("x-functions-key") ? new String[] {u[1], "Ocp-Apim-Subscription-Key: x"} : new String[] {u[1]};
                Answer a = send(u[0], JSON, body, chunked, headers);
                String what = u[0] + " " + u[1] + (chunked ? " chunked" : " with a length");
                assertThat(a.status()).as("%s: %s", what, a.body()).isEqualTo(401);
                assertThat(a.header("WWW-Authenticate")).as(what).isEqualTo(u[2]);
                assertThat(a.header("Content-Type")).as(what).isEqualTo(Problem.MEDIA_TYPE);
                assertThat(a.header("Cache-Control")).as(what).isEqualTo("no-store");
                assertThat(a.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
                assertThat(json.readTree(a.body()).path("status").asInt()).as(what).isEqualTo(401);
                // Answered before the body was asked for ("100 Continue") or read: none of it reached the request.
                assertThat(a.continued()).as(what).isFalse();
                if (!chunked) {
                    assertThat(received.bodyBytes()).as(what).isZero();
                }
            }
        }
        assertNoErrorLogged();
    }

    @Test
    void aClientSendingItsWholeBodyWithinTheLimitStillReadsThe401AndKeepsItsConnection() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int n = 0; n < 3; n++) {
            HttpResponse<String> a = http.send(HttpRequest.newBuilder(root.toURI().resolve("/api/platform/v1/match"))
                    .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(md5Query(MAX / 2))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(a.statusCode()).as(a.body()).isEqualTo(401);
            assertThat(a.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertNoErrorLogged();
    }

    @Test
    void aBodyToASignedInApiWithoutValidCredentialsIsA401OverHttp2() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI base = root.toURI();
        // The first request (no body) upgrades the connection to h2c; the rest use it.
        http.send(HttpRequest.newBuilder(base.resolve("/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        for (String[] u : UNSIGNED) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(u[0])).header("Content-Type", JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(md5Query(2 * MAX)));
            if (u[1] != null) {
                String[] header = u[1].split(": ", 2);
                request.header(header[0], header[1]).header("Ocp-Apim-Subscription-Key", "x");
            }
            HttpResponse<String> a = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(a.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(a.statusCode()).as("%s %s: %s", u[0], u[1], a.body()).isEqualTo(401);
            assertThat(a.headers().firstValue("WWW-Authenticate")).hasValue(u[2]);
            assertThat(a.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        }
        assertNoErrorLogged();
    }

    @Test
    void aBodyOverTheLimitWithALengthAndAValidKeyIsA413ProblemOverHttp2() throws Exception {
        String key = PlatformFixtures.newPlatformKey("Too large over h2 " + System.nanoTime());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        http.send(HttpRequest.newBuilder(root.toURI().resolve("/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        for (int n = 0; n < 2; n++) {
            HttpResponse<String> a = http.send(HttpRequest.newBuilder(root.toURI().resolve("/api/platform/v1/match"))
                    .header("Content-Type", JSON).header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(md5Query(2 * MAX))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(a.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(a.statusCode()).as(a.body()).isEqualTo(413);
            assertThat(a.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
            assertThat(json.readTree(a.body()).path("title").asText()).isEqualTo("Body too large");
        }
        assertNoErrorLogged();
    }

    @Test
    void aBodyOverTheLimitWithAValidAdminPasswordIsStillA413() throws Exception {
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + PlatformFixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (boolean chunked : new boolean[] {false, true}) {
            Answer a = send("/api/admin/platforms", JSON, md5Query(2 * MAX), chunked, basic);
            assertThat(a.status()).as(a.body()).isEqualTo(413);
            assertThat(json.readTree(a.body()).path("title").asText()).isEqualTo("Body too large");
        }
        assertNoErrorLogged();
    }

    @Test
    void aBodyOfExactlyTheLimitStillReachesTheResourceWithALengthOrChunked() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            Answer a = send("/api/cases", JSON, videoCaseOf(MAX), chunked);
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            assertThat(json.readTree(a.body()).path("items").asInt()).isEqualTo(1);
        }
        String key = PlatformFixtures.newPlatformKey("Exactly the limit " + System.nanoTime());
        Answer small = send("/api/platform/v1/match", JSON, ("{\"md5\":[\"" + PlatformFixtures.md5() + "\"]}")
                .getBytes(StandardCharsets.UTF_8), true, "Authorization: Bearer " + key);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertNoErrorLogged();
    }

    @Test
    void requestsWithoutABodyOverHttp2StillReachTheResource() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int n = 0; n < 3; n++) {
            java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                    root.toURI().resolve("/api/cases/AAAAA-AAAAA")).header("X-Case-Key", "WRONG").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s: %s", answer.version(), answer.body()).isEqualTo(404);
            assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        }
        assertThat(logs.errors()).isEmpty();
    }
}
