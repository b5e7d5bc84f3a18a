package org.takeitdown.hasher.pdq;

/**
 * RGBA pixels as little-endian 32-bit words, one a pixel (R in the low byte), held outside a Java array
 * (WebAssembly's linear memory, a buffer) and copied out a few rows at a time, so that hashing never
 * needs a second whole-image copy.
 */
public interface RgbaWords {
    /** How many words (pixels) there are. */
    int length();

    /** Copies words {@code from .. from + count - 1} into {@code into[0 .. count - 1]}. */
    void copy(int from, int[] into, int count);
}
