package org.takeitdown.hasher.js;

import org.teavm.jso.JSBody;

/**
 * Replaces {@code org.takeitdown.hasher.pdq.F32} in the TeaVM build (see
 * {@link FroundSubstitutionPolicy}): rounding to binary32 is {@code Math.fround}, inlined by TeaVM
 * at each call site. Never loaded on the JVM.
 */
public final class JsF32 {
    private JsF32() {
    }

    @JSBody(params = "x", script = "return Math.fround(x);")
    public static native float r(float x);

    /** {@code x / n} as a multiplication by {@code inverse == 1.0 / n}, exact as {@code F32.quotient} explains. */
    @JSBody(params = {"x", "n", "inverse"}, script = "return Math.fround(x * inverse);")
    public static native float quotient(float x, int n, double inverse);
}
