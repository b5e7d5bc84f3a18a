package org.takeitdown.hasher.pdq;

/**
 * The eight rotations and flips of the image, applied to its 16x16 DCT instead of its pixels: a
 * flip negates the odd-frequency coefficients along its axis and a quarter turn also transposes
 * ({@code dct16OriginalTo*} in Meta's reference). Order, as in the reference and the JS API:
 * original, rotate 90, rotate 180, rotate 270, flip X, flip Y, flip along the main diagonal
 * ("plus 1"), flip along the other diagonal ("minus 1").
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE_90(true, false, true),
    ROTATE_180(false, true, true),
    ROTATE_270(true, true, false),
    FLIP_X(false, true, false),
    FLIP_Y(false, false, true),
    FLIP_PLUS_1(true, false, false),
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean negateOddRowFrequencies;
    private final boolean negateOddColumnFrequencies;

    Dihedral(boolean transpose, boolean negateOddRowFrequencies, boolean negateOddColumnFrequencies) {
        this.transpose = transpose;
        this.negateOddRowFrequencies = negateOddRowFrequencies;
        this.negateOddColumnFrequencies = negateOddColumnFrequencies;
    }

    /**
     * Writes the transformed 16x16 coefficients of {@code dct} into {@code out}. Index i (row) and
     * j (column) are 0-based for frequencies 1..16, so "odd frequency" is an even index.
     */
    void apply(float[] dct, float[] out) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                boolean negate = (negateOddRowFrequencies && (i & 1) == 0)
                        ^ (negateOddColumnFrequencies && (j & 1) == 0);
                float v = negate ? -dct[i * 16 + j] : dct[i * 16 + j];
                out[transpose ? j * 16 + i : i * 16 + j] = v;
            }
        }
    }
}
