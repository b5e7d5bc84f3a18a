package org.takeitdown.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the shipped embedded-database URL, many small commits each flushed as {@code DurableAnswers} flushes them
 * ({@code CHECKPOINT SYNC}) grow the file far beyond its data while it is open (each commit's chunk stays); a
 * normal close compacts it back near the size of its live data.
 */
class EmbeddedFileSizeTest {
    /** About 1 KiB of live data each, so that the file's fixed overhead does not count. */
    private static final int COMMITS = 3000;

    @Test
    void aNormalCloseCompactsWhatManySmallFlushedCommitsLeft(@TempDir Path dir) throws Exception {
        String url = EmbeddedFileTest.shippedUrl(dir);
        long open;
        // Random, so that SHUTDOWN COMPACT (which compresses) cannot make the live data look smaller than it is.
        Random random = new Random(1);
        byte[] value = new byte[1024];
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARBINARY(1024), n INT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, 0)");
                    PreparedStatement update = c.prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?")) {
                for (int i = 1; i <= COMMITS; i++) {
                    insert.setInt(1, i);
                    random.nextBytes(value);
                    insert.setBytes(2, value);
                    insert.executeUpdate();
                    s.execute("CHECKPOINT SYNC");
                    update.setInt(1, 1 + (i * 7) % i); // one hot row: a page rewritten at every commit
                    update.executeUpdate();
                    s.execute("CHECKPOINT SYNC");
                }
            }
            open = Files.size(dir.resolve("portal.mv.db"));
        }
        long closed = Files.size(dir.resolve("portal.mv.db"));
        long live = compactedCopySize(dir);
        assertThat(open).as("while open, the file is far larger than its data").isGreaterThan(10 * live);
        assertThat(closed).as("after a normal close %d bytes (open: %d), its live data compacted %d bytes", closed, open, live)
                .isLessThanOrEqualTo(3 * live);
    }

    /** The size of a copy of the file after H2's full compaction (SHUTDOWN COMPACT): the live data. */
    private static long compactedCopySize(Path dir) throws Exception {
        Path copy = Files.createDirectory(dir.resolve("copy"));
        Files.copy(dir.resolve("portal.mv.db"), copy.resolve("portal.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("portal"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return Files.size(copy.resolve("portal.mv.db"));
    }
}
