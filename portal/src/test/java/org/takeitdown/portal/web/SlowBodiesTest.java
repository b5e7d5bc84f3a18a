package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.limits.BodyBytes;
import org.takeitdown.portal.platform.PlatformFixtures;

/**
 * Bodies that come slowly hold no worker thread: with far more connections each still sending its body than the server
 * has worker threads, pages, case look-ups and new cases are answered. The bodies held meanwhile are bounded per address.
 */
@Tag("database")
@QuarkusTest
@TestProfile(SlowBodiesTest.FewThreads.class)
class SlowBodiesTest {
    /** Eight worker threads, so that a few dozen held bodies would take them all if a resource read its body itself. */
    public static class FewThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "8");
        }
    }

    private static final int HELD = 40;

    @TestHTTPResource("/")
    URL root;

    @Inject
    BodyBytes bodies;

    @Test
    void connectionsStillSendingTheirBodiesLeaveTheServerAnswering() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < HELD; i++) {
                held.add(i % 2 == 0
                        ? RawHttp.sendAndHold(root, "POST /api/cases HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        : RawHttp.sendAndHold(root, "POST /cases/status HTTP/1.1\r\nHost: localhost\r\n"
                                + "Sec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 500\r\n\r\ncaseNumber="));
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(request("/").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            assertThat(client.send(request("/api/cases/E5P7R-AHREJ").header("X-Case-Key", "BADKEYBADKEYBADKEYBADKEY22")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            String body = "{\"items\":[{\"kind\":\"other\",\"md5\":\"" + PlatformFixtures.md5()
                    + "\",\"pdq\":null,\"pdqQuality\":null}]}";
            assertThat(client.send(request("/api/cases").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(201);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * A client asking for HTTP/2 (h2c, as Java's HttpClient does) is answered over HTTP/1.1, whose bodies are read before
     * the operation: HTTP/2 is off as shipped, because its bodies are read on worker threads, which 40 streams each
     * still sending a body took (this test timed out with HTTP/2 on).
     */
    @Test
    void clientsAskingForHttp2GetHttp1AndTheirSlowBodiesHoldNoThread() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        assertThat(h2.send(request("/").GET().build(), HttpResponse.BodyHandlers.discarding()).version())
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        List<CompletableFuture<HttpResponse<Void>>> held = new ArrayList<>();
        for (int i = 0; i < HELD; i++) {
            Flow.Publisher<ByteBuffer> oneByteThenNothing = subscriber -> subscriber.onSubscribe(
                    new Flow.Subscription() {
                        private boolean sent;

                        @Override
                        public void request(long n) {
                            if (!sent) {
                                sent = true;
                                subscriber.onNext(ByteBuffer.wrap(new byte[] {'{'}));
                            }
                        }

                        @Override
                        public void cancel() {
                        }
                    });
            held.add(h2.sendAsync(HttpRequest.newBuilder(root.toURI().resolve("/api/cases"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(oneByteThenNothing, 1000)).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        Thread.sleep(1000);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            assertThat(client.send(request("/").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            held.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Eight connections each holding all but the last byte of a 1 MiB body take one address's share of body memory
     * (8 MiB): its next body, however small, is a 429 with Retry-After until they end, then it is taken again.
     */
    @Test
    void bodiesHeldFromOneAddressAreBoundedAndTheirMemoryIsGivenBackWhenTheyEnd() throws Exception {
        int mib = 1024 * 1024;
        List<Socket> held = new ArrayList<>();
        try {
            long before = bodies.held();
            for (int i = 0; i < 8; i++) {
                held.add(RawHttp.sendAndHold(root, "POST /api/cases HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + mib + "\r\n\r\n" + " ".repeat(mib - 1)));
            }
            waitUntil(() -> bodies.held() == before + 8L * (mib - 1), "all 8 bodies but their last bytes received");
            assertThat(formStatusWithin(Duration.ofSeconds(20), 429)).as("a small form once 8 MiB are held").contains(
                    "HTTP/1.1 429", "Retry-After: " + TooLargeBodyRoute.BUSY_RETRY_SECONDS, "text/html");
            assertThat(RawHttp.exchange(root, "POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{}" + " ".repeat(98))).as("a small API body then")
                    .startsWith("HTTP/1.1 429").contains("application/problem+json", "\"limit\":\"body-bytes\"");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        waitUntil(() -> bodies.held() == 0, "the bodies' memory given back");
        assertThat(formStatusWithin(Duration.ofSeconds(20), 404)).as("the same form once they ended").startsWith("HTTP/1.1 404");
    }

    /** A body refused over its limit gives its memory back too (the route's answers close the connection). */
    @Test
    void aRefusedBodyGivesItsMemoryBack() throws Exception {
        String answer = RawHttp.exchange(root, "POST /api/cases HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "100000\r\n" + " ".repeat(0x100000) + "\r\n10\r\n" + " ".repeat(16) + "\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
        waitUntil(() -> bodies.held() == 0, "the refused body's memory given back");
    }

    /** A client that goes away in the middle of its body gives its memory back too. */
    @Test
    void aBodyWhoseClientWentAwayGivesItsMemoryBack() throws Exception {
        Socket gone = RawHttp.sendAndHold(root, "POST /api/cases HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + " ".repeat(50_000));
        waitUntil(() -> bodies.held() == 50_000, "half the body received");
        gone.close();
        waitUntil(() -> bodies.held() == 0, "the memory of a body whose client went away given back");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** Posts a small status form until its answer has {@code status} (or the time is up); returns the last answer. */
    private String formStatusWithin(Duration time, int status) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        String answer;
        do {
            answer = RawHttp.exchange(root, "POST /cases/status HTTP/1.1\r\nHost: localhost\r\nSec-Fetch-Site: same-origin\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
                    + "caseNumber=x");
            if (answer.startsWith("HTTP/1.1 " + status)) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return answer;
    }

    @Test
    void aBodyIsWaitedForLongerTheLongerItIs() {
        assertThat(TooLargeBodyRoute.deadline(300)).isEqualTo(TooLargeBodyRoute.GRACE);
        assertThat(TooLargeBodyRoute.deadline(1024 * 1024)).isEqualTo(Duration.ofSeconds(30 + 128));
        assertThat(TooLargeBodyRoute.deadline(-1)).as("chunked: the longest allowed").isEqualTo(Duration.ofSeconds(158));
    }

    /** A request that times out after 10 s: a server whose worker threads are all taken never answers it. */
    private HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(root.toURI().resolve(path)).timeout(Duration.ofSeconds(10));
    }
}
