package org.takeitdown.hasher.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Argument checks and errors for the exported functions: bad arguments throw a plain JS {@code Error}. */
final class JsErrors {
    private JsErrors() {
    }

    @JSBody(params = "message", script = "throw new Error(message);")
    static native void throwError(String message);

    @JSBody(params = "x", script = "return x instanceof Uint8Array || x instanceof Uint8ClampedArray"
            + " || x instanceof Int8Array;")
    static native boolean isByteArray(JSObject x);

    @JSBody(params = "x", script = "return typeof x === 'string';")
    static native boolean isString(JSObject x);

    @JSBody(params = "x", script = "return typeof x === 'number' && Number.isInteger(x) && x >= 0"
            + " && x <= 2147483647;")
    static native boolean isNonNegativeInt(JSObject x);
}
