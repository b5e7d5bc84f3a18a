package org.takeitdown.hasher.pdq;

/**
 * Decimation of the blurred image to 64x64 by sampling at the centres of a 64x64 grid
 * ({@code decimateFloat} in Meta's reference: index {@code (int) ((i + 0.5) * n / 64)}, in binary64).
 */
final class Downsample {
    static final int SIZE = 64;

    private Downsample() {
    }

    /** The {@link #SIZE} indices sampled along a dimension of {@code n}, ascending (repeats when n < 64). */
    static int[] positions(int n) {
        int[] at = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            at[i] = (int) (((i + 0.5) * n) / SIZE);
        }
        return at;
    }

    static void decimate(float[] image, int rows, int cols, float[] out) {
        for (int i = 0; i < SIZE; i++) {
            int row = (int) (((i + 0.5) * rows) / SIZE);
            for (int j = 0; j < SIZE; j++) {
                int col = (int) (((j + 0.5) * cols) / SIZE);
                out[i * SIZE + j] = image[row * cols + col];
            }
        }
    }
}
