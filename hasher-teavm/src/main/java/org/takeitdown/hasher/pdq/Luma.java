package org.takeitdown.hasher.pdq;

/**
 * RGB to luminance, as PDQ's reference does it: {@code Y = 0.299 R + 0.587 G + 0.114 B} in binary32,
 * summed left to right (ITU-R BT.601 weights; PDQHasher.LUMA_FROM_R/G/B_COEFF in Meta's reference).
 * Alpha is ignored, as the reference's {@code getRGB} path ignores it.
 *
 * <p>Speed without changing a bit: {@code 0.299f * R + 0.587f * G} has only 65,536 possible binary32
 * values and {@code 0.114f * B} 256, so both are tabulated once with the reference's exact operations
 * and each pixel costs two table reads and one binary32 addition.
 */
final class Luma {
    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;
    /** {@code (float) (R * r + G * g)} at index {@code r << 8 | g}. */
    private static final float[] RED_GREEN = new float[256 * 256];
    /** {@code (float) (B * b)} at index {@code b}. */
    private static final float[] BLUE = new float[256];

    static {
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                RED_GREEN[r << 8 | g] = F32.r(F32.r(R * r) + F32.r(G * g));
            }
            BLUE[r] = F32.r(B * r);
        }
    }

    private Luma() {
    }

    /**
     * Luma rows of RGBA pixels read as little-endian 32-bit words (R in the low byte): one memory
     * read a pixel instead of three, which matters in JavaScript.
     */
    static LumaRows ofRgbaWords(int[] words, int cols) {
        return (first, count, out) -> {
            float[] redGreen = RED_GREEN;
            float[] blue = BLUE;
            int from = first * cols;
            int n = count * cols;
            for (int i = 0; i < n; i++) {
                int w = words[from + i];
                out[i] = redGreen[(w & 0xff) << 8 | (w >>> 8 & 0xff)] + blue[w >>> 16 & 0xff];
            }
        };
    }

    /** Luma rows of pixels of {@code channels} bytes each (R, G, B first), {@code cols} pixels a row. */
    static LumaRows ofPixels(byte[] pixels, int channels, int cols) {
        return (first, count, out) -> {
            float[] redGreen = RED_GREEN;
            float[] blue = BLUE;
            int p = first * cols * channels;
            int n = count * cols;
            for (int i = 0; i < n; i++) {
                out[i] = redGreen[(pixels[p] & 0xff) << 8 | (pixels[p + 1] & 0xff)] + blue[pixels[p + 2] & 0xff];
                p += channels;
            }
        };
    }
}
