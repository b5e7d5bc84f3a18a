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
 *
 * <p>{@link #quotient} is the other seam: a binary32 division by a whole number, which in JavaScript
 * is a binary64 division (several times the cost of a multiplication, and PDQ's blur divides once
 * for each of its outputs). With {@code inverse = 1.0 / n} in binary64, {@code x * inverse} rounded
 * to binary32 equals {@code x / n} rounded to binary32 for every binary32 {@code x} and whole
 * {@code 1 <= n <= 2^24} whose quotient is in binary32's normal range (PDQ's are: its luma values
 * are 0 or at least 0.114). The product is within a relative 2^-51 of the exact quotient {@code q};
 * a rounding boundary {@code m} (a midpoint between neighbouring binary32 values, 25 significant
 * bits) can't equal {@code q}, since {@code n * m} then has an odd part of more than 24 bits and
 * can't be the binary32 {@code x}, and {@code x - n * m} is a multiple of the midpoints' spacing,
 * so {@code |q - m| > |q| * 2^-25 / n >= |q| * 2^-49}: the product and {@code q} round alike.
 */
public final class F32 {
    private F32() {
    }

    /** Rounds {@code x} to binary32: the identity on the JVM, {@code Math.fround} in JavaScript. */
    public static float r(float x) {
        return x;
    }

    /**
     * {@code x / n} in binary32 given {@code inverse == 1.0 / n}: the division on the JVM, the
     * product {@code x * inverse} rounded to binary32 in JavaScript (the same value, see above).
     */
    public static float quotient(float x, int n, double inverse) {
        return x / n;
    }
}
