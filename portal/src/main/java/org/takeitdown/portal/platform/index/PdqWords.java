package org.takeitdown.portal.platform.index;

/** A 256-bit PDQ hash as four longs, most significant hex digits first. */
public final class PdqWords {
    public static final int WORDS = 4;

    private PdqWords() {
    }

    /** Parses 64 hex digits (either case); throws IllegalArgumentException otherwise. */
    public static long[] parse(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits");
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("a PDQ hash is 64 hex digits");
            }
        }
        long[] w = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            w[i] = Long.parseUnsignedLong(hex, i * 16, i * 16 + 16, 16);
        }
        return w;
    }

    public static String hex(long[] w) {
        StringBuilder sb = new StringBuilder(64);
        for (long v : w) {
            String s = Long.toHexString(v);
            sb.append("0".repeat(16 - s.length())).append(s);
        }
        return sb.toString();
    }

    static int distance(long[] a, int offA, long[] b, int offB) {
        return Long.bitCount(a[offA] ^ b[offB]) + Long.bitCount(a[offA + 1] ^ b[offB + 1])
                + Long.bitCount(a[offA + 2] ^ b[offB + 2]) + Long.bitCount(a[offA + 3] ^ b[offB + 3]);
    }
}
