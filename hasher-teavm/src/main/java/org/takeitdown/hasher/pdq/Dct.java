package org.takeitdown.hasher.pdq;

/**
 * The part of the 2-D DCT that PDQ keeps: {@code B = D A D^T} with {@code D} the 16x64 basis of
 * {@link DctMatrix}, giving frequencies 1..16 in each direction of the 64x64 downsample. Sums run
 * over k = 0..63 in binary32, in the reference's order ({@code dct64To16}).
 */
final class Dct {
    private static final float[] D = DctMatrix.values();

    private Dct() {
    }

    /** {@code a}: 64x64 input; {@code t}: 16x64 scratch; {@code b}: 16x16 output; all row-major. */
    static void dct64To16(float[] a, float[] t, float[] b) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float sum = 0f;
                for (int k = 0; k < 64; k++) {
                    sum = F32.r(sum + F32.r(D[i * 64 + k] * a[k * 64 + j]));
                }
                t[i * 64 + j] = sum;
            }
        }
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0f;
                for (int k = 0; k < 64; k++) {
                    sum = F32.r(sum + F32.r(t[i * 64 + k] * D[j * 64 + k]));
                }
                b[i * 16 + j] = sum;
            }
        }
    }
}
