package org.takeitdown.hasher.pdq;

/**
 * PDQ's image-domain quality metric, 0..100: the sum of quantised vertical and horizontal
 * gradients of the 64x64 downsample, each {@code (int) ((u - v) * 100 / 255)} in binary32,
 * divided by 90 and capped at 100. The constants are Meta's hand-tuned heuristics
 * ({@code computePDQImageDomainQualityMetric}); hashes below 50 are too featureless to match on.
 */
final class Quality {
    /** Gradient sum that maps to one quality point (reference heuristic). */
    private static final int GRADIENT_SUM_PER_POINT = 90;
    private static final int MAX = 100;

    private Quality() {
    }

    static int of(float[] d64) {
        int n = Downsample.SIZE;
        int gradientSum = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                gradientSum += Math.abs(step(d64[i * n + j], d64[(i + 1) * n + j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n - 1; j++) {
                gradientSum += Math.abs(step(d64[i * n + j], d64[i * n + j + 1]));
            }
        }
        return Math.min(gradientSum / GRADIENT_SUM_PER_POINT, MAX);
    }

    private static int step(float u, float v) {
        return (int) F32.r(F32.r(F32.r(u - v) * 100) / 255);
    }
}
