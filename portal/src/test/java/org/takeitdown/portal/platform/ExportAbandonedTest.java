package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.ClientGone;
import org.takeitdown.portal.web.ClientGoneMapper;

/** A platform that stops reading an export half-way (a cancelled download) ends it quietly: no 500 logged as an error. */
@Tag("database")
@QuarkusTest
class ExportAbandonedTest {
    @Inject
    FeedService feed;

    @Inject
    PlatformService platforms;

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
        assertThatThrownBy(() -> feed.export(platform, feed.consistentSeq(), false, CLOSED))
                .isInstanceOf(ClientGone.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aClientThatWentAwayIsLoggedBelowInfo() {
        List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            new ClientGoneMapper().toResponse(new ClientGone(new IOException("Connection was closed")));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(logged).isEmpty();
    }
}
