package org.takeitdown.hasher.pdq;

import java.util.Arrays;
import org.takeitdown.hasher.hex.Hex;

/**
 * A 256-bit PDQ hash. Bit k (k = 16 i + j for DCT coefficient row i, column j) has the value 2^k in
 * the 64-digit big-endian hex form, which is the reference's {@code Hash256.toString()} layout.
 * Immutable; hex output is lowercase, hex input accepts either case.
 */
public final class PdqHash {
    /** Bits in a PDQ hash. */
    public static final int BITS = 256;
    private static final int WORDS = BITS / 32;

    /** words[0] holds bits 255..224, words[7] bits 31..0. */
    private final int[] words;

    private PdqHash(int[] words) {
        this.words = words;
    }

    /** Parses exactly 64 hex digits of either case. */
    public static PdqHash fromHex(String hex) {
        return new PdqHash(Hex.parseWords(hex, Hex.PDQ_DIGITS, "PDQ hash"));
    }

    /** Sets bit k wherever {@code coefficients[k] > threshold}. */
    static PdqHash fromThreshold(float[] coefficients, float threshold) {
        int[] w = new int[WORDS];
        for (int k = 0; k < BITS; k++) {
            if (coefficients[k] > threshold) {
                w[WORDS - 1 - (k >>> 5)] |= 1 << (k & 31);
            }
        }
        return new PdqHash(w);
    }

    /** Whether bit k (0..255) is set. */
    public boolean bit(int k) {
        return (words[WORDS - 1 - (k >>> 5)] >>> (k & 31) & 1) != 0;
    }

    /** Number of differing bits, 0..256. */
    public int distance(PdqHash other) {
        int d = 0;
        for (int i = 0; i < WORDS; i++) {
            d += Integer.bitCount(words[i] ^ other.words[i]);
        }
        return d;
    }

    /** Hamming distance between two hex PDQ hashes. */
    public static int distance(String hexA, String hexB) {
        return fromHex(hexA).distance(fromHex(hexB));
    }

    /** The eight 32-bit words, most significant first (the hex form's order); a copy. */
    public int[] words() {
        return words.clone();
    }

    /** The hash as 64 lowercase hex digits. */
    public String toHex() {
        return Hex.formatWords(words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash && Arrays.equals(words, ((PdqHash) o).words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
