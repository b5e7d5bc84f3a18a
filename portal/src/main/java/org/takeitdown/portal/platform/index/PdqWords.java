package org.takeitdown.portal.platform.index;

import org.takeitdown.hasher.hex.Hex;

/** A 256-bit PDQ hash as four longs, most significant hex digits first. */
public final class PdqWords {
    public static final int WORDS = 4;

    private PdqWords() {
    }

    /** Parses 64 hex digits (either case); throws IllegalArgumentException otherwise. */
    public static long[] parse(String hex) {
        return of(Hex.parseWords(hex, Hex.PDQ_DIGITS, "a PDQ hash"));
    }

    /** The four longs of a hash given as eight 32-bit words, most significant first. */
    public static long[] of(int[] halves) {
        long[] w = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            w[i] = (long) halves[2 * i] << 32 | (halves[2 * i + 1] & 0xffffffffL);
        }
        return w;
    }

    static int distance(long[] a, int offA, long[] b, int offB) {
        return Long.bitCount(a[offA] ^ b[offB]) + Long.bitCount(a[offA + 1] ^ b[offB + 1])
                + Long.bitCount(a[offA + 2] ^ b[offB + 2]) + Long.bitCount(a[offA + 3] ^ b[offB + 3]);
    }
}
