package org.takeitdown.hasher.js;

import org.takeitdown.hasher.md5.Md5;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/** Views of JavaScript typed arrays as Java arrays, sharing their memory instead of copying. */
final class TypedArrays {
    private static final boolean LITTLE_ENDIAN = littleEndian();

    private TypedArrays() {
    }

    /** The bytes of a Uint8Array / Uint8ClampedArray / Int8Array as a Java byte[] over the same memory. */
    static byte[] bytes(JSObject view) {
        ArrayBufferView v = (ArrayBufferView) view;
        return new Int8Array(v.getBuffer(), v.getByteOffset(), v.getByteLength()).copyToJavaArray();
    }

    /** The bytes of a Uint8Array / Uint8ClampedArray / Int8Array as a Java byte[] sharing their memory. */
    static byte[] sharedBytes(JSObject view) {
        ArrayBufferView v = (ArrayBufferView) view;
        return new Int8Array(v.getBuffer(), v.getByteOffset(), v.getByteLength()).toJavaArray();
    }

    /**
     * The bytes of a byte view as little-endian 32-bit words over the same memory (no copy), or null
     * when they cannot be (a big-endian machine, an offset or length not a multiple of 4).
     */
    static int[] rgbaWords(JSObject view) {
        ArrayBufferView v = (ArrayBufferView) view;
        int offset = v.getByteOffset();
        int length = v.getByteLength();
        if (!LITTLE_ENDIAN || (offset & 3) != 0 || (length & 3) != 0) {
            return null;
        }
        return new Int32Array(v.getBuffer(), offset, length / 4).toJavaArray();
    }

    /**
     * Feeds a byte view to MD5: whole aligned blocks as little-endian words over the same memory (no
     * copy), the rest as bytes.
     */
    static void feed(Md5 md5, JSObject view) {
        ArrayBufferView v = (ArrayBufferView) view;
        int offset = v.getByteOffset();
        int length = v.getByteLength();
        int wordBlocks = length / Md5.BLOCK_BYTES;
        if (LITTLE_ENDIAN && md5.atBlockBoundary() && (offset & 3) == 0 && wordBlocks > 0) {
            int wordBytes = wordBlocks * Md5.BLOCK_BYTES;
            int[] words = new Int32Array(v.getBuffer(), offset, wordBytes / 4).toJavaArray();
            md5.updateWords(words, 0, wordBlocks);
            if (wordBytes < length) {
                byte[] rest = new Int8Array(v.getBuffer(), offset + wordBytes, length - wordBytes)
                        .copyToJavaArray();
                md5.update(rest, 0, rest.length);
            }
        } else {
            byte[] all = bytes(view);
            md5.update(all, 0, all.length);
        }
    }

    @JSBody(script = "return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;")
    private static native boolean littleEndian();
}
