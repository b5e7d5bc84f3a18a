package org.takeitdown.hasher.pdq;

import java.util.Objects;

/**
 * RGB to luminance, as PDQ's reference does it: {@code Y = 0.299 R + 0.587 G + 0.114 B} in binary32,
 * summed left to right (ITU-R BT.601 weights; PDQHasher.LUMA_FROM_R/G/B_COEFF in Meta's reference).
 * Alpha is ignored, as the reference's {@code getRGB} path ignores it.
 *
 * <p>The three products have only 256 values each, so they are tabulated once with the reference's
 * exact operations, in one array of 3 KB that stays in the processor's first-level cache (a 64K
 * table of red-plus-green sums, tried before, misses it; and one array a loop is what JavaScript
 * handles best, see {@link RowBoxes}); a pixel costs three table reads and two binary32 additions.
 */
final class Luma {
    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;
    /** {@code (float) (R * v)} at {@code v}, {@code (float) (G * v)} at {@code GREEN + v}, {@code (float) (B * v)} at {@code BLUE + v}. */
    private static final float[] TABLE = new float[3 * 256];
    private static final int GREEN = 256;
    private static final int BLUE = 512;

    static {
        for (int v = 0; v < 256; v++) {
            TABLE[v] = F32.r(R * v);
            TABLE[GREEN + v] = F32.r(G * v);
            TABLE[BLUE + v] = F32.r(B * v);
        }
    }

    private Luma() {
    }

    /**
     * Luma rows of RGBA pixels read as little-endian 32-bit words (R in the low byte): one memory
     * read a pixel instead of three, which matters in JavaScript.
     */
    static LumaRows ofRgbaWords(int[] words, int cols) {
        return (first, count, out, at) -> {
            float[] t = TABLE;
            int from = first * cols - at;
            int end = at + count * cols;
            Objects.checkFromToIndex(at, end, out.length);
            Objects.checkFromToIndex(from + at, from + end, words.length);
            Objects.checkIndex(BLUE + 255, t.length);
            for (int i = at; i < end; i++) {
                int w = words[from + i];
                out[i] = F32.r(t[w & 0xff] + t[GREEN + (w >>> 8 & 0xff)]) + t[BLUE + (w >>> 16 & 0xff)];
            }
        };
    }

    /**
     * As {@link #ofRgbaWords(int[], int)} for words held outside a Java array, copied out a few rows at a
     * time into one reused array: the same values, without a second whole-image copy.
     */
    static LumaRows ofRgbaWords(RgbaWords words, int cols) {
        return new LumaRows() {
            private int[] rows = new int[0];

            @Override
            public void fill(int first, int count, float[] out, int at) {
                int n = count * cols;
                if (rows.length < n) {
                    rows = new int[n];
                }
                Objects.checkFromIndexSize(first * cols, n, words.length());
                words.copy(first * cols, rows, n);
                ofRgbaWords(rows, cols).fill(0, count, out, at);
            }
        };
    }

    /** Luma rows of pixels of {@code channels} bytes each (R, G, B first), {@code cols} pixels a row. */
    static LumaRows ofPixels(byte[] pixels, int channels, int cols) {
        return (first, count, out, at) -> {
            float[] t = TABLE;
            int p = first * cols * channels;
            int end = at + count * cols;
            Objects.checkFromToIndex(at, end, out.length);
            Objects.checkFromIndexSize(p, count * cols * channels, pixels.length);
            Objects.checkIndex(BLUE + 255, t.length);
            for (int i = at; i < end; i++) {
                out[i] = F32.r(t[pixels[p] & 0xff] + t[GREEN + (pixels[p + 1] & 0xff)]) + t[BLUE + (pixels[p + 2] & 0xff)];
                p += channels;
            }
        };
    }
}
