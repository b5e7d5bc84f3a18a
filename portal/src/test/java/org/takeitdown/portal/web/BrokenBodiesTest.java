package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bodies that never arrive whole, through the sender's fault or a lost connection: answered where an answer can still
 * reach the sender, and never an ERROR in the log (which anyone could otherwise fill, with case numbers in paths).
 */
@Tag("database")
@QuarkusTest
class BrokenBodiesTest {
    /** Long enough for the server to see a closed connection and finish with its request. */
    private static final long SETTLE_MS = 1000;

    @TestHTTPResource("/")
    URL root;

    /** Sends {@code head} and {@code body} raw on a new connection; reads what comes back when {@code read}, then closes. */
    private String raw(String head, String body, boolean read) throws IOException {
        String request = head + "\r\n" + body;
        if (read) {
            return RawHttp.exchange(root, request);
        }
        RawHttp.sendAndLeave(root, request);
        return "";
    }

    @Test
    void aChunkedApiBodyWithAMalformedChunkSizeIsA400ProblemAndNoErrorIsLogged() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            String answer = raw("POST /api/cases/ABCDE-FGHJK/items HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "ZZ\r\nabc\r\n0\r\n\r\n", true);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("chunked transfer encoding is malformed");
            Thread.sleep(SETTLE_MS);
            assertThat(logs.errors()).isEmpty();
            assertThat(logs.any(r -> String.valueOf(r.getMessage()).contains("ABCDE-FGHJK"))).isFalse();
        }
    }

    @Test
    void aRequestWithoutAHostHeaderIsAPlain400AndNoErrorOrPathIsLogged() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            for (String target : List.of("/api/cases/ABCDE-FGHJK", "/cases/status?n=ABCDE-FGHJK")) {
                assertThat(RawHttp.exchange(root, "GET " + target + " HTTP/1.1\r\nConnection: close\r\n\r\n"))
                        .as(target).startsWith("HTTP/1.1 400").contains("must name the site in a Host header");
            }
            assertThat(RawHttp.exchange(root, "GET /api/cases/ABCDE-FGHJK HTTP/1.0\r\n\r\n"))
                    .as("HTTP/1.0 needs no Host").startsWith("HTTP/1.0 404").contains("No case matches");
            Thread.sleep(SETTLE_MS);
            assertThat(logs.errors()).isEmpty();
            assertThat(logs.any(r -> String.valueOf(r.getMessage()).contains("ABCDE-FGHJK"))).isFalse();
        }
    }

    @Test
    void aClientThatGoesAwayInTheMiddleOfItsBodyLeavesNoErrorInTheLog() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            for (String[] target : List.of(new String[] {"/api/cases", "application/json", "{\"items\":["},
                    new String[] {"/cases/status", "application/x-www-form-urlencoded", "caseNumber=2222"},
                    new String[] {"/start", "application/x-www-form-urlencoded", "age=un"})) {
                raw("POST " + target[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + target[1]
                        + "\r\nContent-Length: 1000\r\n", target[2], false);
                raw("POST " + target[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + target[1]
                        + "\r\nTransfer-Encoding: chunked\r\n", "5\r\n" + target[2].substring(0, 5) + "\r\n", false);
            }
            Thread.sleep(SETTLE_MS);
            assertThat(logs.errors()).isEmpty();
        }
    }
}
