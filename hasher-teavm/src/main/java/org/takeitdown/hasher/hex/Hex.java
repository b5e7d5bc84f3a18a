package org.takeitdown.hasher.hex;

/**
 * Strict hexadecimal parsing and lowercase formatting for fixed-length digests.
 *
 * <p>Hashes travel as hex text between the browser, the portal and platforms. Parsing accepts
 * either letter case but exactly the expected number of digits; anything else is a
 * {@link HexFormatException} with a message that says what was wrong.
 */
public final class Hex {
    /** Digits of an MD5 digest: 128 bits, 4 bits a digit. */
    public static final int MD5_DIGITS = 32;
    /** Digits of a PDQ hash: 256 bits, 4 bits a digit. */
    public static final int PDQ_DIGITS = 64;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /**
     * Parses {@code digits} hex digits into big-endian 32-bit words ({@code digits / 8} of them,
     * the first word holding the first eight digits).
     */
    public static int[] parseWords(String text, int digits, String what) {
        checkHex(text, digits, what);
        int[] words = new int[digits / 8];
        for (int w = 0; w < words.length; w++) {
            int v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 4) | digitValue(text.charAt(w * 8 + k));
            }
            words[w] = v;
        }
        return words;
    }

    /** Parses exactly {@code digits} hex digits into bytes, first digit pair first. */
    public static byte[] parseBytes(String text, int digits, String what) {
        checkHex(text, digits, what);
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digitValue(text.charAt(2 * i)) << 4) | digitValue(text.charAt(2 * i + 1)));
        }
        return out;
    }

    /**
     * Returns the lowercase form of a valid hex string of exactly {@code digits} digits, or throws
     * {@link HexFormatException} saying what is wrong.
     */
    public static String normalize(String text, int digits, String what) {
        checkHex(text, digits, what);
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** True when {@code text} is exactly {@code digits} hex digits of either case. */
    public static boolean isHex(String text, int digits) {
        if (text == null || text.length() != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            if (digitValue(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Formats bytes as lowercase hex, two digits a byte. */
    public static String format(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >>> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Formats 32-bit words as lowercase hex, eight digits a word, the first word first. */
    public static String formatWords(int[] words) {
        char[] out = new char[words.length * 8];
        for (int w = 0; w < words.length; w++) {
            int v = words[w];
            for (int k = 7; k >= 0; k--) {
                out[w * 8 + k] = DIGITS[v & 0xf];
                v >>>= 4;
            }
        }
        return new String(out);
    }

    private static void checkHex(String text, int digits, String what) {
        if (text == null) {
            throw new HexFormatException(what + " is missing: expected " + digits + " hex digits");
        }
        if (text.length() != digits) {
            throw new HexFormatException(what + " must be exactly " + digits + " hex digits, got "
                    + text.length() + " characters");
        }
        for (int i = 0; i < digits; i++) {
            if (digitValue(text.charAt(i)) < 0) {
                throw new HexFormatException(what + " has a character that is not a hex digit at position "
                        + (i + 1) + " (only 0-9, a-f and A-F are allowed)");
            }
        }
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
