package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped embedded-database URL keeps every acknowledged commit when the process is killed: a child
 * JVM commits rows one by one on that URL and gets SIGKILL the moment it reports the last commit.
 */
class EmbeddedDatabaseCrashTest {
    private static final int ROWS = 60;

    /** The child: commits ROWS rows one at a time, printing each after its commit returned. */
    public static final class Committer {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", ""); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                System.out.println("created");
                for (int i = 1; i <= ROWS; i++) {
                    s.executeUpdate("INSERT INTO t VALUES (" + i + ")");
                    System.out.println(i);
                }
                Thread.sleep(60_000);
            }
        }
    }

    private static String shippedUrl(Path dataDir) throws Exception {
        Properties p = new Properties();
        try (var in = EmbeddedDatabaseCrashTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p.getProperty("quarkus.datasource.jdbc.url").replace("${PORTAL_DATA_DIR:./data}", dataDir.toString());
    }

    @Test
    void everyCommitAcknowledgedBeforeASigkillIsThereAfterReopening(@TempDir Path dir) throws Exception {
        String url = shippedUrl(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Committer.class.getName(), url).redirectErrorStream(true).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(Integer.toString(acknowledged + 1)) && ++acknowledged == ROWS) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("rows the child reported committed").isEqualTo(ROWS);
        assertThat(Files.exists(dir.resolve("portal.mv.db"))).isTrue();

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'T'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("the table committed before the rows").isEqualTo(1);
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rows.next();
                assertThat(rows.getInt(1)).as("rows after the kill").isEqualTo(ROWS);
            }
        }
    }
}
