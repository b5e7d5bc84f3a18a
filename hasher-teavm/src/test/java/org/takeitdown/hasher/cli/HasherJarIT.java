package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.TestVectors;

/** The packaged {@code target/hasher.jar} runs as documented (after {@code package}, via failsafe). */
class HasherJarIT {
    @Test
    void packagedJarHashesFilesAndReportsBadOnes() throws Exception {
        Path jar = Path.of("target", "hasher.jar").toAbsolutePath();
        Path png = TestVectors.pdq().resolve("images/misc-images/c.png");
        Path missing = TestVectors.pdq().resolve("images/none.jpg");
        Process p = new ProcessBuilder(List.of("java", "-jar", jar.toString(), "--json", png.toString(),
                missing.toString())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        TestVectors.Row row = TestVectors.row("images/misc-images/c.png");
        assertThat(out).contains("\"md5\":\"" + row.get("md5") + "\"")
                .contains("\"pdq\":\"" + row.get("pdq_hex") + "\"");
        assertThat(err.strip()).isEqualTo("hasher: " + missing + ": no such file");
        assertThat(p.exitValue()).isEqualTo(1);
    }
}
