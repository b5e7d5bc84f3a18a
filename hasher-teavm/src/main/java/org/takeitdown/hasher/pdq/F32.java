package org.takeitdown.hasher.pdq;

/**
 * The one seam between the JVM and the JavaScript build: rounding to IEEE-754 binary32.
 *
 * <p>On the JVM every {@code float} operation already rounds to binary32, so {@link #r} is the
 * identity and the JIT removes it. JavaScript keeps every number in binary64, which would let
 * PDQ's intermediate sums drift from the reference on roughly one image in 600. The TeaVM build
 * substitutes this class with {@code org.takeitdown.hasher.js.JsF32}, whose {@code r} is
 * {@code Math.fround}, so that each Java float operation is rounded exactly as the JVM does.
 * Rounding the exact binary64 result of a single +, -, * or / of two binary32 values to binary32
 * gives the correctly rounded binary32 result (binary64 has more than 2*24+2 significand bits), so
 * one {@code r} per operation is enough. Stores into {@code float[]} (a Float32Array in TeaVM)
 * round by themselves and need no call.
 */
public final class F32 {
    private F32() {
    }

    /** Rounds {@code x} to binary32: the identity on the JVM, {@code Math.fround} in JavaScript. */
    public static float r(float x) {
        return x;
    }
}
