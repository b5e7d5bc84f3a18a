package org.takeitdown.hasher.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pixels worked out by hand from libswscale's tables (and seen in ffmpeg 5.1's output), and every
 * layout giving the same pixels for the same samples.
 */
class FrameConverterTest {
    private static int[] one(int y, int u, int v, boolean full) {
        int[] rgb = rgbOf(FrameConverter.toRgbaWords(new byte[] {(byte) y, (byte) u, (byte) v}, PixelFormat.I444,
                1, 1, new int[] {0, 1, 2}, new int[] {1, 1, 1}, full, null)[0]);
        return rgb;
    }

    private static int[] rgbOf(int word) {
        assertThat(word >>> 24).as("alpha").isEqualTo(255);
        return new int[] {word & 0xff, word >>> 8 & 0xff, word >>> 16 & 0xff};
    }

    @Test
    void limitedRangeGreysFollowLibswscalesTablesIncludingItsDarkWhite() {
        // y_table[326 + Y] = (76309 * (326 + Y) - (400 << 16) + 0x8000) >> 16, chroma offset 0 at 128:
        // Y 16 -> -1.3 -> 0; Y 126 -> 126.7 -> 126; Y 235 -> 253.3 -> 253 (the float formula says 255).
        assertThat(one(16, 128, 128, false)).containsExactly(0, 0, 0);
        assertThat(one(126, 128, 128, false)).containsExactly(126, 126, 126);
        assertThat(one(235, 128, 128, false)).containsExactly(253, 253, 253);
        assertThat(one(0, 128, 128, false)).containsExactly(0, 0, 0);
        assertThat(one(255, 128, 128, false)).containsExactly(255, 255, 255);
    }

    @Test
    void fullRangeGreysAreTheirOwnValues() {
        for (int y : new int[] {0, 16, 126, 235, 255}) {
            assertThat(one(y, 128, 128, true)).containsExactly(y, y, y);
        }
    }

    @Test
    void saturatedBt601PrimariesComeOutNearlySaturated() {
        // BT.601 limited red, green, blue (Y, Cb, Cr): the integer tables land 1 to 3 levels short.
        assertThat(one(81, 90, 240, false)).containsExactly(252, 0, 0);
        assertThat(one(145, 54, 34, false)).containsExactly(0, 254, 0);
        assertThat(one(41, 240, 110, false)).containsExactly(0, 0, 253);
        // The same samples read as full range: a darker, desaturated red.
        assertThat(one(81, 90, 240, true)).containsExactly(238, 15, 14);
    }

    @Test
    void eachChromaSampleServesItsTwoByTwoBlockWithoutInterpolation() {
        // 3x3 frame: chroma 2x2, the last column and row use the last chroma sample alone.
        byte[] y = new byte[9];
        java.util.Arrays.fill(y, (byte) 126);
        byte[] data = new byte[9 + 4 + 4];
        System.arraycopy(y, 0, data, 0, 9);
        byte[] u = {(byte) 128, (byte) 90, (byte) 54, (byte) 240};
        byte[] v = {(byte) 128, (byte) 240, (byte) 34, (byte) 110};
        System.arraycopy(u, 0, data, 9, 4);
        System.arraycopy(v, 0, data, 13, 4);
        int[] out = FrameConverter.toRgbaWords(data, PixelFormat.I420, 3, 3, new int[] {0, 9, 13},
                new int[] {3, 2, 2}, false, null);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                int c = (row >> 1) * 2 + (col >> 1);
                assertThat(rgbOf(out[row * 3 + col])).as("pixel %d,%d", col, row)
                        .containsExactly(one(126, u[c] & 0xff, v[c] & 0xff, false));
            }
        }
    }

    /** A random 8-bit 4:2:0 frame of odd size in I420 with padded rows. */
    private static final class Frame {
        final int width = 7;
        final int height = 5;
        final int cw = 4;
        final int ch = 3;
        final byte[] y = new byte[width * height];
        final byte[] u = new byte[cw * ch];
        final byte[] v = new byte[cw * ch];

        Frame(long seed) {
            Random r = new Random(seed);
            r.nextBytes(y);
            r.nextBytes(u);
            r.nextBytes(v);
        }

        /** Planes with {@code pad} garbage bytes after each row, at a 3-byte offset. */
        int[] i420(int pad) {
            int ys = width + pad;
            int cs = cw + pad;
            byte[] data = garbage(3 + ys * height + 2 * cs * ch);
            int[] offsets = {3, 3 + ys * height, 3 + ys * height + cs * ch};
            for (int row = 0; row < height; row++) {
                System.arraycopy(y, row * width, data, offsets[0] + row * ys, width);
            }
            for (int row = 0; row < ch; row++) {
                System.arraycopy(u, row * cw, data, offsets[1] + row * cs, cw);
                System.arraycopy(v, row * cw, data, offsets[2] + row * cs, cw);
            }
            return FrameConverter.toRgbaWords(data, PixelFormat.I420, width, height, offsets,
                    new int[] {ys, cs, cs}, false, null);
        }

        int[] nv12() {
            byte[] data = new byte[width * height + cw * 2 * ch];
            System.arraycopy(y, 0, data, 0, y.length);
            for (int i = 0; i < cw * ch; i++) {
                data[y.length + 2 * i] = u[i];
                data[y.length + 2 * i + 1] = v[i];
            }
            return FrameConverter.toRgbaWords(data, PixelFormat.NV12, width, height, new int[] {0, y.length},
                    new int[] {width, cw * 2}, false, null);
        }

        int[] i444() {
            byte[] data = new byte[3 * width * height];
            System.arraycopy(y, 0, data, 0, y.length);
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    int c = (row >> 1) * cw + (col >> 1);
                    data[y.length + row * width + col] = u[c];
                    data[2 * y.length + row * width + col] = v[c];
                }
            }
            return FrameConverter.toRgbaWords(data, PixelFormat.I444, width, height,
                    new int[] {0, y.length, 2 * y.length}, new int[] {width, width, width}, false, null);
        }

        /** 10-bit samples equal to the 8-bit ones times 4, plus 0 or 1 (rounding must give them back). */
        int[] i420p10(Random r) {
            byte[] data = new byte[2 * (y.length + u.length + v.length)];
            int at = 0;
            for (byte[] plane : new byte[][] {y, u, v}) {
                for (byte s : plane) {
                    int ten = (s & 0xff) * 4 + r.nextInt(2);
                    data[at++] = (byte) ten;
                    data[at++] = (byte) (ten >> 8);
                }
            }
            return FrameConverter.toRgbaWords(data, PixelFormat.I420P10, width, height,
                    new int[] {0, 2 * y.length, 2 * (y.length + u.length)}, new int[] {2 * width, 2 * cw, 2 * cw},
                    false, null);
        }
    }

    private static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void oddSizesPaddedRowsNv12I444AndTenBitGiveTheSamePixels() {
        for (long seed = 1; seed <= 20; seed++) {
            Frame f = new Frame(seed);
            int[] plain = f.i420(0);
            assertThat(f.i420(5)).as("rows longer than the width").isEqualTo(plain);
            assertThat(f.nv12()).as("NV12").isEqualTo(plain);
            assertThat(f.i444()).as("I444 with each chroma sample repeated").isEqualTo(plain);
            assertThat(f.i420p10(new Random(seed))).as("10-bit").isEqualTo(plain);
        }
    }

    @Test
    void packedRgbPassesThroughInEitherByteOrder() {
        byte[] rgba = garbage(3 * 2 * 4 + 8);
        int[] fromRgba = FrameConverter.toRgbaWords(rgba, PixelFormat.RGBA, 3, 2, new int[] {0}, new int[] {16},
                false, null);
        byte[] bgra = rgba.clone();
        for (int i = 0; i + 2 < bgra.length; i += 4) {
            bgra[i] = rgba[i + 2];
            bgra[i + 2] = rgba[i];
        }
        assertThat(FrameConverter.toRgbaWords(bgra, PixelFormat.BGRX, 3, 2, new int[] {0}, new int[] {16}, false,
                null)).isEqualTo(fromRgba);
        assertThat(rgbOf(fromRgba[4])).containsExactly(rgba[20] & 0xff, rgba[21] & 0xff, rgba[22] & 0xff);
    }

    @Test
    void aBufferOfTheRightLengthIsReusedAndAWrongOneIsNot() {
        Frame f = new Frame(3);
        int[] plain = f.i420(0);
        int[] reuse = new int[plain.length];
        byte[] data = new byte[35 + 24];
        assertThat(FrameConverter.toRgbaWords(data, PixelFormat.I420, 7, 5, new int[] {0, 35, 47},
                new int[] {7, 4, 4}, false, reuse)).isSameAs(reuse);
        assertThat(FrameConverter.toRgbaWords(data, PixelFormat.I420, 7, 5, new int[] {0, 35, 47},
                new int[] {7, 4, 4}, false, new int[3])).hasSize(35);
    }

    @Test
    void planesThatDoNotFitAreRefusedWithAPlainMessage() {
        byte[] data = new byte[35 + 24];
        assertThatThrownBy(() -> FrameConverter.toRgbaWords(data, PixelFormat.I420, 7, 5, new int[] {0, 35, 48},
                new int[] {7, 4, 4}, false, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plane 2");
        assertThatThrownBy(() -> FrameConverter.toRgbaWords(data, PixelFormat.I420, 7, 5, new int[] {0, 35, 47},
                new int[] {6, 4, 4}, false, null)).hasMessageContaining("plane 0");
        assertThatThrownBy(() -> FrameConverter.toRgbaWords(data, PixelFormat.I420, 7, 5, new int[] {0, 35},
                new int[] {7, 4}, false, null)).hasMessageContaining("needs 3 plane offsets");
        assertThatThrownBy(() -> FrameConverter.toRgbaWords(data, PixelFormat.I420, 0, 5, new int[] {0, 35, 47},
                new int[] {7, 4, 4}, false, null)).hasMessageContaining("at least 1");
    }

    @Test
    void namesMapFromWebCodecsAndFfmpeg() {
        assertThat(PixelFormat.ofWebCodecs("I420P10")).isEqualTo(PixelFormat.I420P10);
        assertThat(PixelFormat.ofWebCodecs(null)).isNull();
        assertThat(PixelFormat.ofWebCodecs("I420P12")).isNull();
        assertThat(PixelFormat.ofFfmpeg("yuv420p10le")).isEqualTo(PixelFormat.I420P10);
        assertThat(PixelFormat.ofFfmpeg("nv12")).isEqualTo(PixelFormat.NV12);
        assertThat(PixelFormat.ofFfmpeg("gray")).isNull();
    }
}
