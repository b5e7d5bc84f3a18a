package org.takeitdown.hasher.hex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void acceptsEitherCaseAndNormalizesToLowercase() {
        assertThat(Hex.normalize("ABCDEF0123456789abcdef0123456789", Hex.MD5_DIGITS, "MD5"))
                .isEqualTo("abcdef0123456789abcdef0123456789");
    }

    @Test
    void rejectsWrongLengthWithMessage() {
        assertThatThrownBy(() -> Hex.normalize("abc", Hex.MD5_DIGITS, "MD5"))
                .isInstanceOf(HexFormatException.class)
                .hasMessage("MD5 must be exactly 32 hex digits, got 3 characters");
        assertThatThrownBy(() -> Hex.parseWords("0".repeat(65), Hex.PDQ_DIGITS, "PDQ hash"))
                .hasMessageContaining("exactly 64 hex digits");
    }

    @Test
    void rejectsNonHexCharacterWithPosition() {
        assertThatThrownBy(() -> Hex.normalize("g" + "0".repeat(31), Hex.MD5_DIGITS, "MD5"))
                .isInstanceOf(HexFormatException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> Hex.normalize(" " + "0".repeat(31), Hex.MD5_DIGITS, "MD5"))
                .isInstanceOf(HexFormatException.class);
    }

    @Test
    void rejectsMissingValue() {
        assertThatThrownBy(() -> Hex.normalize(null, Hex.MD5_DIGITS, "MD5"))
                .hasMessageContaining("missing");
        assertThat(Hex.isHex(null, 32)).isFalse();
    }

    @Test
    void roundTripsBytesAndWords() {
        byte[] b = {0, 1, (byte) 0xfe, (byte) 0xff};
        assertThat(Hex.format(b)).isEqualTo("0001feff");
        assertThat(Hex.parseBytes("0001FEFF", 8, "x")).containsExactly(b);
        int[] w = {0x01234567, 0x89abcdef};
        assertThat(Hex.formatWords(w)).isEqualTo("0123456789abcdef");
        assertThat(Hex.parseWords("0123456789ABCDEF", 16, "x")).containsExactly(w);
    }
}
