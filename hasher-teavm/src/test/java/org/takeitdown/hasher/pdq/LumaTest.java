package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LumaTest {
    private static final int COLS = 1 << 16;

    /** The reference's expression (PDQHasher.fillFloatLumaFromBufferImage): binary32, left to right. */
    private static float reference(int r, int g, int b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    @Test
    void everyColourGivesTheReferenceLumaBitForBitFromWordsAndFromPixels() {
        int[] words = new int[COLS];
        byte[] rgb = new byte[3 * COLS];
        byte[] rgba = new byte[4 * COLS];
        float[] fromWords = new float[COLS];
        float[] fromRgb = new float[COLS];
        float[] fromRgba = new float[COLS];
        int mismatches = 0;
        for (int r = 0; r < 256; r++) {
            for (int gb = 0; gb < COLS; gb++) {
                int g = gb >>> 8;
                int b = gb & 0xff;
                words[gb] = r | g << 8 | b << 16 | 0xff << 24;
                rgb[3 * gb] = (byte) r;
                rgb[3 * gb + 1] = (byte) g;
                rgb[3 * gb + 2] = (byte) b;
                rgba[4 * gb] = (byte) r;
                rgba[4 * gb + 1] = (byte) g;
                rgba[4 * gb + 2] = (byte) b;
                rgba[4 * gb + 3] = (byte) 0x80;
            }
            Luma.ofRgbaWords(words, COLS).fill(0, 1, fromWords, 0);
            Luma.ofPixels(rgb, 3, COLS).fill(0, 1, fromRgb, 0);
            Luma.ofPixels(rgba, 4, COLS).fill(0, 1, fromRgba, 0);
            for (int gb = 0; gb < COLS; gb++) {
                int expected = Float.floatToRawIntBits(reference(r, gb >>> 8, gb & 0xff));
                if (Float.floatToRawIntBits(fromWords[gb]) != expected
                        || Float.floatToRawIntBits(fromRgb[gb]) != expected
                        || Float.floatToRawIntBits(fromRgba[gb]) != expected) {
                    mismatches++;
                }
            }
        }
        assertThat(mismatches).as("colours whose luma differs from the reference's").isZero();
    }
}
