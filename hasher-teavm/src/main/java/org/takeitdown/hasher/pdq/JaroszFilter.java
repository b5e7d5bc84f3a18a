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
 * each written value is {@code sum / windowCount} in binary32. Two changes make it fast without
 * changing one bit: the row pass filters four rows at a time with four independent running sums
 * (the additions of one row form a dependency chain; four chains keep the processor busy), the column
 * pass walks the image row by row with one running sum per column (so memory is read sequentially),
 * and both passes work in place, the column pass keeping the rows it has overwritten but still has to
 * subtract in a small ring of {@code window - half + 1} rows.
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

    /**
     * Blurs the row-major {@code rows x cols} image and decimates it to 64x64 ({@link Downsample}),
     * giving exactly {@link #filter} then {@code Downsample.decimate}, streamed by {@link DecimatingBlur}.
     */
    static void filterAndDecimate(float[] image, int rows, int cols, float[] out) {
        DecimatingBlur.filterAndDecimate(LumaRows.of(image, cols), rows, cols, out);
    }

    /**
     * One 1-D box over {@code in[start..start+length)} with {@link #boxRow}'s operations, writing
     * only the outputs at {@code samples} (ascending, repeats allowed): the one for
     * {@code samples[s]} goes to {@code out[outStart + s * outStride]}.
     */
    static void boxSampled(float[] in, int start, int length, int window, int[] samples,
            float[] out, int outStart, int outStride) {
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int li = start;
        int ri = start;
        int oi = 0;
        int s = 0;
        int next = samples[0];
        int count = 0;
        float sum = 0f;
        for (int k = 0; k < warmUp; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
        }
        for (int k = 0; k < growing; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < full; k++) {
            sum = F32.r(sum + in[ri++]);
            sum = F32.r(sum - in[li++]);
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            sum = F32.r(sum - in[li++]);
            count--;
            while (oi == next) {
                out[outStart + s * outStride] = sum / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
    }

    /**
     * {@link #boxSampled} of four consecutive rows of {@code in} from {@code start} at once (four
     * independent running sums), row {@code k}'s output for {@code samples[s]} going to
     * {@code out[s * outStride + outStart + k]}.
     */
    static void boxFourRowsSampled(float[] in, int start, int length, int window, int[] samples,
            float[] out, int outStart, int outStride) {
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int r1 = length;
        int r2 = 2 * length;
        int r3 = 3 * length;
        int li = start;
        int ri = start;
        int oi = 0;
        int s = 0;
        int next = samples[0];
        int count = 0;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int k = 0; k < warmUp; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
        }
        for (int k = 0; k < growing; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < full; k++) {
            s0 = F32.r(F32.r(s0 + in[ri]) - in[li]);
            s1 = F32.r(F32.r(s1 + in[r1 + ri]) - in[r1 + li]);
            s2 = F32.r(F32.r(s2 + in[r2 + ri]) - in[r2 + li]);
            s3 = F32.r(F32.r(s3 + in[r3 + ri]) - in[r3 + li]);
            ri++;
            li++;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            s0 = F32.r(s0 - in[li]);
            s1 = F32.r(s1 - in[r1 + li]);
            s2 = F32.r(s2 - in[r2 + li]);
            s3 = F32.r(s3 - in[r3 + li]);
            li++;
            count--;
            while (oi == next) {
                int o = s * outStride + outStart;
                out[o] = s0 / count;
                out[o + 1] = s1 / count;
                out[o + 2] = s2 / count;
                out[o + 3] = s3 / count;
                next = ++s < samples.length ? samples[s] : -1;
            }
            oi++;
        }
    }

    /** Blurs the row-major {@code rows x cols} image in place. */
    static void filter(float[] image, int rows, int cols) {
        int rowWindow = windowSize(cols);
        int colWindow = windowSize(rows);
        float[] rowCopy = new float[4 * cols];
        float[] sums = new float[cols];
        float[] ring = new float[ringRows(colWindow) * cols];
        for (int pass = 0; pass < PASSES; pass++) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                System.arraycopy(image, r * cols, rowCopy, 0, 4 * cols);
                boxFourRows(rowCopy, image, r * cols, cols, rowWindow);
            }
            for (; r < rows; r++) {
                System.arraycopy(image, r * cols, rowCopy, 0, cols);
                boxRow(rowCopy, image, r * cols, cols, rowWindow);
            }
            boxColumns(image, rows, cols, colWindow, sums, ring);
        }
    }

    static int half(int window) {
        return (window + 2) / 2;
    }

    private static int ringRows(int window) {
        return window - half(window) + 1;
    }

    /** One row: reads {@code in[0..length)}, writes {@code out[outStart..outStart+length)}. */
    static void boxRow(float[] in, float[] out, int outStart, int length, int window) {
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int li = 0;
        int ri = 0;
        int oi = outStart;
        int count = 0;
        float sum = 0f;
        for (int k = 0; k < warmUp; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
        }
        for (int k = 0; k < growing; k++) {
            sum = F32.r(sum + in[ri++]);
            count++;
            out[oi++] = sum / count;
        }
        for (int k = 0; k < full; k++) {
            sum = F32.r(sum + in[ri++]);
            sum = F32.r(sum - in[li++]);
            out[oi++] = sum / count;
        }
        for (int k = 0; k < shrinking; k++) {
            sum = F32.r(sum - in[li++]);
            count--;
            out[oi++] = sum / count;
        }
    }

    /**
     * Four consecutive rows, {@code in[0..4 * length)}, written to {@code out} from {@code outStart};
     * each row's sum follows exactly the operations of {@link #boxRow}.
     */
    static void boxFourRows(float[] in, float[] out, int outStart, int length, int window) {
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        int r1 = length;
        int r2 = 2 * length;
        int r3 = 3 * length;
        int li = 0;
        int ri = 0;
        int oi = outStart;
        int count = 0;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int k = 0; k < warmUp; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
        }
        for (int k = 0; k < growing; k++) {
            s0 = F32.r(s0 + in[ri]);
            s1 = F32.r(s1 + in[r1 + ri]);
            s2 = F32.r(s2 + in[r2 + ri]);
            s3 = F32.r(s3 + in[r3 + ri]);
            ri++;
            count++;
            out[oi] = s0 / count;
            out[r1 + oi] = s1 / count;
            out[r2 + oi] = s2 / count;
            out[r3 + oi] = s3 / count;
            oi++;
        }
        for (int k = 0; k < full; k++) {
            s0 = F32.r(F32.r(s0 + in[ri]) - in[li]);
            s1 = F32.r(F32.r(s1 + in[r1 + ri]) - in[r1 + li]);
            s2 = F32.r(F32.r(s2 + in[r2 + ri]) - in[r2 + li]);
            s3 = F32.r(F32.r(s3 + in[r3 + ri]) - in[r3 + li]);
            ri++;
            li++;
            out[oi] = s0 / count;
            out[r1 + oi] = s1 / count;
            out[r2 + oi] = s2 / count;
            out[r3 + oi] = s3 / count;
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            s0 = F32.r(s0 - in[li]);
            s1 = F32.r(s1 - in[r1 + li]);
            s2 = F32.r(s2 - in[r2 + li]);
            s3 = F32.r(s3 - in[r3 + li]);
            li++;
            count--;
            out[oi] = s0 / count;
            out[r1 + oi] = s1 / count;
            out[r2 + oi] = s2 / count;
            out[r3 + oi] = s3 / count;
            oi++;
        }
    }

    /**
     * All columns at once, row-major, in place; {@code ring} holds overwritten rows still to subtract.
     * Each step is three simple loops over the row (update the sums; save the row about to be
     * overwritten; write sum / count), which the JIT can vectorise; per column the operations are
     * the reference's, in its order.
     */
    private static void boxColumns(float[] image, int rows, int cols, int window, float[] sums, float[] ring) {
        int half = half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = rows - window;
        int shrinking = half - 1;
        int ringSize = ringRows(window);
        java.util.Arrays.fill(sums, 0f);
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        for (int k = 0; k < warmUp; k++) {
            add(sums, image, ri++ * cols, cols);
            count++;
        }
        for (int k = 0; k < growing; k++) {
            add(sums, image, ri++ * cols, cols);
            count++;
            writeRow(image, oi++, cols, sums, count, ring, ringSize);
        }
        for (int k = 0; k < full; k++) {
            addAndSubtract(sums, image, ri++ * cols, ring, (li++ % ringSize) * cols, cols);
            writeRow(image, oi++, cols, sums, count, ring, ringSize);
        }
        for (int k = 0; k < shrinking; k++) {
            subtract(sums, ring, (li++ % ringSize) * cols, cols);
            count--;
            writeRow(image, oi++, cols, sums, count, ring, ringSize);
        }
    }

    private static void add(float[] sums, float[] image, int from, int cols) {
        for (int j = 0; j < cols; j++) {
            sums[j] = F32.r(sums[j] + image[from + j]);
        }
    }

    private static void addAndSubtract(float[] sums, float[] image, int addFrom, float[] ring, int subFrom, int cols) {
        for (int j = 0; j < cols; j++) {
            sums[j] = F32.r(F32.r(sums[j] + image[addFrom + j]) - ring[subFrom + j]);
        }
    }

    private static void subtract(float[] sums, float[] ring, int subFrom, int cols) {
        for (int j = 0; j < cols; j++) {
            sums[j] = F32.r(sums[j] - ring[subFrom + j]);
        }
    }

    /** Saves output row {@code row} into its ring slot, then overwrites it with {@code sums / count}. */
    private static void writeRow(float[] image, int row, int cols, float[] sums, int count, float[] ring, int ringSize) {
        int out = row * cols;
        System.arraycopy(image, out, ring, (row % ringSize) * cols, cols);
        for (int j = 0; j < cols; j++) {
            image[out + j] = sums[j] / count;
        }
    }
}
