package org.takeitdown.hasher.cli;

import org.junit.jupiter.api.Assumptions;

/** Tests that need libwebp's dwebp program: they fail in CI (which installs it) and are skipped elsewhere. */
final class DwebpRequired {
    private DwebpRequired() {
    }

    static void check() {
        boolean dwebp = DwebpDecoder.available();
        if (!dwebp && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("dwebp is missing; .ci/run installs Debian's webp");
        }
        Assumptions.assumeTrue(dwebp, "dwebp is not installed (apt-get install webp); skipping WebP parity tests");
    }
}
