package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.ClientGone;
import org.takeitdown.portal.web.ClientGoneMapper;
import org.takeitdown.portal.web.LogRecords;

/**
 * A platform that stops reading an export half-way (a cancelled download) ends it quietly: the export ends as
 * {@link ClientGone}, which {@link ClientGoneMapper} logs at DEBUG; nothing is logged as an error.
 */
@Tag("database")
@QuarkusTest
class ExportAbandonedTest {
    @Inject
    FeedService feed;

    @Inject
    PlatformService platforms;

    @Inject
    CaseService cases;

    @Inject
    SyncJob sync;

    @TestHTTPResource("/abandoned-answer-for-tests")
    URL abandoned;

    /** An answer whose reader went away: every write fails, as Vert.x's stream does on a closed connection. */
    private static final OutputStream CLOSED = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Connection was closed");
        }
    };

    @Test
    void anExportWhoseReaderWentAwayEndsAsClientGoneNotAsAnUnexpectedError() {
        PlatformRecord platform = platforms.authenticateKey(PlatformFixtures.newPlatformKey("Stops reading " + System.nanoTime()));
        PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), PlatformFixtures.randomPdq(), 90));
        assertThatThrownBy(() -> feed.export(platform, feed.consistentSeq(), false, CLOSED, () -> false))
                .isInstanceOf(ClientGone.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void anExportWhoseConnectionClosedStopsAtTheNextCheckThoughItsWritesStillSucceed() {
        PlatformRecord platform = platforms.authenticateKey(PlatformFixtures.newPlatformKey("Closed " + System.nanoTime()));
        for (int c = 0; c <= FeedService.GONE_CHECK / 100; c++) {
            List<CaseApi.Item> items = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                items.add(new CaseApi.Item("other", PlatformFixtures.md5(), null, null));
            }
            cases.create(new CaseApi.ItemsRequest(items), null);
        }
        sync.runNow();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        assertThatThrownBy(() -> feed.export(platform, feed.consistentSeq(), false, written, () -> true))
                .isInstanceOf(ClientGone.class);
        long lines = written.toString(StandardCharsets.UTF_8).chars().filter(ch -> ch == '\n').count();
        assertThat(lines).as("items written before the first check found the connection closed")
                .isEqualTo(FeedService.GONE_CHECK - 1);
    }

    @Test
    void aClientThatWentAwayIsLoggedBelowInfo() {
        LogRecords capture = LogRecords.listen();
        try (capture) {
            new ClientGoneMapper().toResponse(new ClientGone(new IOException("Connection was closed")));
        }
        assertThat(capture.any(r -> r.getLevel().intValue() >= Level.INFO.intValue())).as(capture.toString()).isFalse();
    }

    private static boolean fromClientGoneMapper(LogRecord r) {
        return ClientGoneMapper.class.getName().equals(r.getLoggerName());
    }

    /** Reads the answer's status line and headers, up to the blank line that ends them. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aStreamedAnswerWhoseReaderResetTheConnectionIsAnsweredByClientGoneMapperAndLogsNoError() throws Exception {
        Logger mapperLog = Logger.getLogger(ClientGoneMapper.class.getName());
        Level before = mapperLog.getLevel();
        mapperLog.setLevel(Level.FINE);
        LogRecords capture = LogRecords.listen();
        try {
            try (Socket socket = new Socket(abandoned.getHost(), abandoned.getPort())) {
                socket.getOutputStream().write(("GET " + abandoned.getPath() + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(head(socket.getInputStream())).as("the answer began").startsWith("HTTP/1.1 200");
                // A cancelled download: the connection is reset with the rest of the answer unread.
                socket.setSoLinger(true, 0);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!capture.any(ExportAbandonedTest::fromClientGoneMapper) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Whatever the server logs after the mapper's answer (a 500 that can't be sent) has a moment to show.
            Thread.sleep(500);
        } finally {
            capture.close();
            mapperLog.setLevel(before);
        }
        assertThat(capture.any(r -> fromClientGoneMapper(r) && r.getLevel().intValue() < Level.INFO.intValue()))
                .as("ClientGoneMapper answered, at DEBUG: %s", capture).isTrue();
        assertThat(capture.any(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()))
                .as("nothing logged as an error (UnexpectedErrorMapper's \"Unexpected error answered 500\" or a failed "
                        + "request): %s", capture).isFalse();
    }
}
