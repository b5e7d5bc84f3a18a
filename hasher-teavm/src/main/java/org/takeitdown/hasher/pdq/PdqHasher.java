package org.takeitdown.hasher.pdq;

/**
 * PDQ (Meta's 256-bit perceptual image hash) from decoded pixels, bit-exact with Meta's reference
 * Java: luma, Jarosz tent blur at full resolution, 64x64 decimation, quality metric, 16x16 DCT,
 * one bit per coefficient above the median. Stateless and thread-safe.
 */
public final class PdqHasher {
    private PdqHasher() {
    }

    /**
     * Hashes {@code width x height} pixels of {@code channels} bytes each (3: R,G,B; 4: R,G,B,A,
     * as a canvas ImageData gives them), row-major from the top left.
     */
    public static PdqResult hash(byte[] pixels, int width, int height, int channels) {
        return result(coefficients(pixels, width, height, channels));
    }

    /**
     * As {@link #hash} for RGBA pixels given as little-endian 32-bit words, one a pixel (R in the
     * low byte): the same result, for callers that can view RGBA bytes as words without copying.
     */
    public static PdqResult hashRgbaWords(int[] words, int width, int height) {
        checkPixels((long) words.length * 4, width, height, 4);
        return result(blurredCoefficients(Luma.ofRgbaWords(words, width), width, height));
    }

    /**
     * As {@link #hashRgbaWords(int[], int, int)} for words held outside a Java array (the WebAssembly
     * build's pixels, in its linear memory): the same result.
     */
    public static PdqResult hashRgbaWords(RgbaWords words, int width, int height) {
        checkPixels((long) words.length() * 4, width, height, 4);
        return result(blurredCoefficients(Luma.ofRgbaWords(words, width), width, height));
    }

    /** The hashes of the eight {@link Dihedral} transforms of the image, in their order. */
    public static PdqHash[] dihedral(byte[] pixels, int width, int height, int channels) {
        Coefficients c = coefficients(pixels, width, height, channels);
        Dihedral[] all = Dihedral.values();
        PdqHash[] out = new PdqHash[all.length];
        float[] transformed = new float[256];
        for (int i = 0; i < all.length; i++) {
            all[i].apply(c.dct, transformed);
            out[i] = bits(transformed);
        }
        return out;
    }

    /** Checks the arguments, with a message that says what is wrong. */
    private static void checkPixels(long pixelsLength, int width, int height, int channels) {
        if (channels != 3 && channels != 4) {
            throw new IllegalArgumentException("channels must be 3 (RGB) or 4 (RGBA), got " + channels);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1, got "
                    + width + "x" + height);
        }
        long expected = (long) width * height * channels;
        if (expected != pixelsLength) {
            throw new IllegalArgumentException("pixel array has " + pixelsLength + " bytes but "
                    + width + "x" + height + " pixels of " + channels + " bytes need " + expected);
        }
    }

    private static PdqResult result(Coefficients c) {
        return new PdqResult(bits(c.dct), c.quality);
    }

    private static Coefficients coefficients(byte[] pixels, int width, int height, int channels) {
        checkPixels(pixels.length, width, height, channels);
        return blurredCoefficients(Luma.ofPixels(pixels, channels, width), width, height);
    }

    private static Coefficients blurredCoefficients(LumaRows luma, int width, int height) {
        float[] d64 = new float[Downsample.SIZE * Downsample.SIZE];
        DecimatingBlur.filterAndDecimate(luma, height, width, d64);
        int quality = Quality.of(d64);
        float[] dct = new float[256];
        Dct.dct64To16(d64, new float[16 * 64], dct);
        return new Coefficients(dct, quality);
    }

    private static PdqHash bits(float[] dct) {
        return PdqHash.fromThreshold(dct, Median.torben(dct));
    }

    private static final class Coefficients {
        final float[] dct;
        final int quality;

        Coefficients(float[] dct, int quality) {
            this.dct = dct;
            this.quality = quality;
        }
    }
}
