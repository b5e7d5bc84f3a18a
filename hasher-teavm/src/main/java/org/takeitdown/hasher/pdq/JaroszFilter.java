package org.takeitdown.hasher.pdq;

/**
 * PDQ's blur before decimation: Wojciech Jarosz, "Fast Image Convolutions" (SIGGRAPH 2001) - two
 * passes of a box filter along rows then along columns approximate a tent filter. The window is
 * 1/128 of the dimension, rounded up, so that two passes cover the 1/64 of the image that becomes
 * one of the 64x64 output samples.
 *
 * <p>Each 1-D box keeps the reference's running sum and order of operations exactly
 * ({@code box1DFloat} in Meta's PDQHasher): a warm-up of {@code half - 1} adds, then writes with a
 * growing window, then add-then-subtract writes with the full window, then subtract-only writes;
 * each written value is {@code sum / windowCount} in binary32. {@link #filter} is that, plainly,
 * as the reference does it (the oracle in tests); hashing uses {@link DecimatingBlur}, which gives
 * the same bits with far less work.
 */
final class JaroszFilter {
    /** Row-then-column box passes (PDQ_NUM_JAROSZ_XY_PASSES in the reference). */
    static final int PASSES = 2;
    /** Window = ceil(dimension / 128) (PDQ_JAROSZ_WINDOW_SIZE_DIVISOR in the reference). */
    static final int WINDOW_DIVISOR = 128;

    private JaroszFilter() {
    }

    static int windowSize(int dimension) {
        return (dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /** Values summed before the first write: a window of {@code window} is centred as the reference centres it. */
    static int half(int window) {
        return (window + 2) / 2;
    }

    /**
     * Blurs the row-major {@code rows x cols} image and decimates it to 64x64 ({@link Downsample}),
     * giving exactly {@link #filter} then {@code Downsample.decimate}, streamed by {@link DecimatingBlur}.
     */
    static void filterAndDecimate(float[] image, int rows, int cols, float[] out) {
        DecimatingBlur.filterAndDecimate(LumaRows.of(image, cols), rows, cols, out);
    }

    /** Blurs the row-major {@code rows x cols} image in place, box by box as the reference does. */
    static void filter(float[] image, int rows, int cols) {
        int rowWindow = windowSize(cols);
        int colWindow = windowSize(rows);
        float[] rowBoxed = new float[rows * cols];
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < rows; i++) {
                box(image, rowBoxed, i * cols, 1, cols, rowWindow);
            }
            for (int j = 0; j < cols; j++) {
                box(rowBoxed, image, j, cols, rows, colWindow);
            }
        }
    }

    /** One 1-D box of {@code length} values from {@code start}, {@code stride} apart, from {@code in} to {@code out}. */
    private static void box(float[] in, float[] out, int start, int stride, int length, int window) {
        int half = half(window);
        int li = start;
        int ri = start;
        int oi = start;
        int count = 0;
        float sum = 0f;
        for (int k = 0; k < half - 1; k++) {
            sum = F32.r(sum + in[ri]);
            count++;
            ri += stride;
        }
        for (int k = 0; k < window - half + 1; k++) {
            sum = F32.r(sum + in[ri]);
            count++;
            out[oi] = sum / count;
            ri += stride;
            oi += stride;
        }
        for (int k = 0; k < length - window; k++) {
            sum = F32.r(sum + in[ri]);
            sum = F32.r(sum - in[li]);
            out[oi] = sum / count;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int k = 0; k < half - 1; k++) {
            sum = F32.r(sum - in[li]);
            count--;
            out[oi] = sum / count;
            li += stride;
            oi += stride;
        }
    }
}
