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
 * changing one bit: the column pass walks the image row by row with one running sum per column (so
 * memory is read sequentially), and both passes work in place, the column pass keeping the rows it
 * has overwritten but still has to subtract in a small ring of {@code window - half + 1} rows.
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

    /** Blurs the row-major {@code rows x cols} image in place. */
    static void filter(float[] image, int rows, int cols) {
        int rowWindow = windowSize(cols);
        int colWindow = windowSize(rows);
        float[] rowCopy = new float[cols];
        float[] sums = new float[cols];
        float[] ring = new float[ringRows(colWindow) * cols];
        for (int pass = 0; pass < PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                int start = r * cols;
                System.arraycopy(image, start, rowCopy, 0, cols);
                boxRow(rowCopy, image, start, cols, rowWindow);
            }
            boxColumns(image, rows, cols, colWindow, sums, ring);
        }
    }

    private static int half(int window) {
        return (window + 2) / 2;
    }

    private static int ringRows(int window) {
        return window - half(window) + 1;
    }

    /** One row: reads {@code in[0..length)}, writes {@code out[outStart..outStart+length)}. */
    private static void boxRow(float[] in, float[] out, int outStart, int length, int window) {
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

    /** All columns at once, row-major, in place; {@code ring} holds overwritten rows still to subtract. */
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
            int add = ri++ * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] = F32.r(sums[j] + image[add + j]);
            }
            count++;
        }
        for (int k = 0; k < growing; k++) {
            int add = ri++ * cols;
            count++;
            int out = oi * cols;
            int save = (oi % ringSize) * cols;
            for (int j = 0; j < cols; j++) {
                float s = F32.r(sums[j] + image[add + j]);
                sums[j] = s;
                ring[save + j] = image[out + j];
                image[out + j] = s / count;
            }
            oi++;
        }
        for (int k = 0; k < full; k++) {
            int add = ri++ * cols;
            int sub = (li++ % ringSize) * cols;
            int out = oi * cols;
            int save = (oi % ringSize) * cols;
            for (int j = 0; j < cols; j++) {
                float s = F32.r(sums[j] + image[add + j]);
                s = F32.r(s - ring[sub + j]);
                sums[j] = s;
                ring[save + j] = image[out + j];
                image[out + j] = s / count;
            }
            oi++;
        }
        for (int k = 0; k < shrinking; k++) {
            int sub = (li++ % ringSize) * cols;
            count--;
            int out = oi * cols;
            int save = (oi % ringSize) * cols;
            for (int j = 0; j < cols; j++) {
                float s = F32.r(sums[j] - ring[sub + j]);
                sums[j] = s;
                ring[save + j] = image[out + j];
                image[out + j] = s / count;
            }
            oi++;
        }
    }
}
