package org.takeitdown.hasher.pdq;

/**
 * RGB to luminance, as PDQ's reference does it: {@code Y = 0.299 R + 0.587 G + 0.114 B} in binary32,
 * summed left to right (ITU-R BT.601 weights; PDQHasher.LUMA_FROM_R/G/B_COEFF in Meta's reference).
 * Alpha is ignored, as the reference's {@code getRGB} path ignores it.
 */
final class Luma {
    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;

    private Luma() {
    }

    /** Writes the luma of {@code count} pixels of {@code channels} bytes each (R, G, B first). */
    static void fromPixels(byte[] pixels, int channels, int count, float[] luma) {
        int p = 0;
        for (int i = 0; i < count; i++) {
            luma[i] = F32.r(F32.r(R * (pixels[p] & 0xff)) + F32.r(G * (pixels[p + 1] & 0xff)))
                    + F32.r(B * (pixels[p + 2] & 0xff));
            p += channels;
        }
    }
}
