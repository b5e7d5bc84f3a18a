package org.takeitdown.hasher.cli;

import org.junit.jupiter.api.Assumptions;

/** Tests that need the ffmpeg program: they fail in CI (which installs it) and are skipped elsewhere. */
final class FfmpegRequired {
    private FfmpegRequired() {
    }

    static void check() {
        boolean ffmpeg = FfmpegFrames.available();
        if (!ffmpeg && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("ffmpeg is missing; .ci/run installs Debian's ffmpeg");
        }
        Assumptions.assumeTrue(ffmpeg, "ffmpeg is not installed (apt-get install ffmpeg); skipping vPDQ clip tests");
    }
}
