package org.takeitdown.hasher.pdq;

/**
 * RGB to luminance, as PDQ's reference does it: {@code Y = 0.299 R + 0.587 G + 0.114 B} in binary32,
 * summed left to right (ITU-R BT.601 weights; PDQHasher.LUMA_FROM_R/G/B_COEFF in Meta's reference).
 * Alpha is ignored, as the reference's {@code getRGB} path ignores it.
 *
 * <p>Speed without changing a bit: {@code 0.299f * R + 0.587f * G} has only 65,536 possible binary32
 * values and {@code 0.114f * B} 256, so both are tabulated once with the reference's exact operations
 * and each pixel costs two table reads and one binary32 addition. Both tables are one array, so that
 * a pixel touches only two arrays (see {@link RowBoxes} for why that matters in JavaScript).
 */
final class Luma {
    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;
    /** Where {@code (float) (B * b)} starts in {@link #TABLE}. */
    private static final int BLUE = 256 * 256;
    /** {@code (float) (R * r + G * g)} at index {@code r << 8 | g}, then {@code (float) (B * b)} at {@code BLUE + b}. */
    private static final float[] TABLE = new float[BLUE + 256];

    static {
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                TABLE[r << 8 | g] = F32.r(F32.r(R * r) + F32.r(G * g));
            }
            TABLE[BLUE + r] = F32.r(B * r);
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
            float[] table = TABLE;
            int from = first * cols - at;
            int end = at + count * cols;
            for (int i = at; i < end; i++) {
                int w = words[from + i];
                out[i] = table[(w & 0xff) << 8 | (w >>> 8 & 0xff)] + table[BLUE + (w >>> 16 & 0xff)];
            }
        };
    }

    /** Luma rows of pixels of {@code channels} bytes each (R, G, B first), {@code cols} pixels a row. */
    static LumaRows ofPixels(byte[] pixels, int channels, int cols) {
        return (first, count, out, at) -> {
            float[] table = TABLE;
            int p = first * cols * channels;
            int end = at + count * cols;
            for (int i = at; i < end; i++) {
                out[i] = table[(pixels[p] & 0xff) << 8 | (pixels[p + 1] & 0xff)] + table[BLUE + (pixels[p + 2] & 0xff)];
                p += channels;
            }
        };
    }
}
