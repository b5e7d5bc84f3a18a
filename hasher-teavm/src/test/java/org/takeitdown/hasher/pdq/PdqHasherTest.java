package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PdqHasherTest {
    @Test
    void hashesOnePixelImage() {
        PdqResult r = PdqHasher.hash(new byte[] {10, 20, 30, (byte) 255}, 1, 1, 4);
        assertThat(r.hash().toHex()).hasSize(64);
        assertThat(r.quality()).isZero();
    }

    @Test
    void hashesAnEightThousandSquareImage() {
        int n = 8000;
        byte[] rgb = new byte[n * n * 3];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int p = (y * n + x) * 3;
                rgb[p] = (byte) (x * 255 / n);
                rgb[p + 1] = (byte) (y * 255 / n);
                rgb[p + 2] = (byte) ((x ^ y) >>> 5);
            }
        }
        PdqResult r = PdqHasher.hash(rgb, n, n, 3);
        assertThat(r.hash().toHex()).hasSize(64).isNotEqualTo("0".repeat(64));
        assertThat(r.quality()).isPositive();
    }

    @Test
    void flatImageHasQualityZero() {
        byte[] px = new byte[100 * 80 * 4];
        java.util.Arrays.fill(px, (byte) 128);
        assertThat(PdqHasher.hash(px, 100, 80, 4).quality()).isZero();
    }

    @Test
    void rejectsWrongPixelArrayLength() {
        assertThatThrownBy(() -> PdqHasher.hash(new byte[15], 2, 2, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixel array has 15 bytes but 2x2 pixels of 4 bytes need 16");
    }

    @Test
    void rejectsZeroSizeAndBadChannels() {
        assertThatThrownBy(() -> PdqHasher.hash(new byte[0], 0, 0, 4)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PdqHasher.hash(new byte[2], 1, 1, 2)).hasMessageContaining("channels");
    }

    @Test
    void rejectsMalformedPdqHex() {
        assertThatThrownBy(() -> PdqHash.fromHex("12")).hasMessageContaining("exactly 64 hex digits");
        assertThatThrownBy(() -> PdqHash.fromHex("z".repeat(64))).hasMessageContaining("not a hex digit");
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        String zero = "0".repeat(64);
        assertThat(PdqHash.distance(zero, "F".repeat(64))).isEqualTo(256);
        assertThat(PdqHash.distance(zero, "8" + "0".repeat(62) + "1")).isEqualTo(2);
        assertThat(PdqHash.fromHex("AB" + "0".repeat(62)).toHex()).isEqualTo("ab" + "0".repeat(62));
        assertThat(PdqHash.fromHex("0".repeat(63) + "1").bit(0)).isTrue();
        assertThat(PdqHash.fromHex("8" + "0".repeat(63)).bit(255)).isTrue();
    }
}
