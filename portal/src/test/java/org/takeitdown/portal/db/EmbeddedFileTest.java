package org.takeitdown.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped embedded-database URL, on a file: its directory and files are the portal user's alone, and H2 keeps
 * no trace file of its own (it would write the SQL of failed statements there, outside the portal's logging).
 */
@Tag("embedded")
@QuarkusTest
@TestProfile(EmbeddedFileTest.FileDatabase.class)
class EmbeddedFileTest {
    /** A data directory that does not exist yet, so that the portal makes it. */
    static final Path DATA;

    static {
        try {
            // Under target/, so that a build's clean removes it.
            DATA = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "portal-file-test")
                    .toAbsolutePath().resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of application.properties, on {@link #DATA}. */
    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", shippedUrl(DATA));
        }
    }

    static String shippedUrl(Path dataDir) {
        Properties p = new Properties();
        try (var in = EmbeddedFileTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("quarkus.datasource.jdbc.url").replace("${PORTAL_DATA_DIR:./data}", dataDir.toString());
    }

    @Inject
    Jdbc jdbc;

    @Test
    void theDataDirectoryAndItsFilesAreTheOwnersAloneAndH2KeepsNoTraceFile() throws Exception {
        // A failing statement is what H2 writes to its own trace file by default (with the SQL).
        assertThatThrownBy(() -> jdbc.onConnection(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("SELECT no_such_column FROM no_such_table");
            }
        })).isNotNull();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA))).isEqualTo("rwx------");
        List<Path> files = list(DATA);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("portal.mv.db")
                .doesNotContain("portal.trace.db");
        for (Path f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
