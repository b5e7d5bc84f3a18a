package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Tests that make videos with the ffmpeg program: they fail in CI (which installs it) and are skipped elsewhere. */
public final class Ffmpeg {
    private Ffmpeg() {
    }

    /** Fails when CI is set and ffmpeg does not run; otherwise, without ffmpeg, skips {@code what}. */
    public static void require(String what) {
        boolean ffmpeg = runs();
        if (!ffmpeg && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("ffmpeg is missing; .ci/run installs Debian's ffmpeg");
        }
        Assumptions.assumeTrue(ffmpeg, "ffmpeg is not installed: " + what + " skipped");
    }

    /**
     * Runs ffmpeg quietly with {@code args}, overwriting its output; fails unless it ends well within 5 minutes
     * (a run still going then is killed). Its messages go to a temporary file, read when it has ended.
     */
    public static void run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(args);
        Path log = Files.createTempFile("ffmpeg-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(300, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            assertThat(ended).as("ffmpeg ended within 5 minutes: %s", command).isTrue();
            assertThat(p.exitValue()).as(new String(Files.readAllBytes(log))).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean runs() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
