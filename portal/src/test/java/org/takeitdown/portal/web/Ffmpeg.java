package org.takeitdown.portal.web;

import java.io.IOException;
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
