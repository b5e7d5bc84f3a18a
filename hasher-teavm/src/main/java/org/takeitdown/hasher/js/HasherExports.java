package org.takeitdown.hasher.js;

import java.util.Locale;
import org.takeitdown.hasher.md5.Md5;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.rules.JpegIcc;
import org.takeitdown.hasher.rules.MediaSniffer;
import org.takeitdown.hasher.video.AvcSampleRange;
import org.takeitdown.hasher.video.FrameConverter;
import org.takeitdown.hasher.video.PixelFormat;
import org.takeitdown.hasher.vpdq.VpdqBuilder;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The browser API of the hasher module, exported from {@code /js/hasher.js} (an ES2015 module):
 * {@code md5Hex}, {@code md5Start}, {@code pdq}, {@code pdqDihedral}, {@code hamming},
 * {@code vpdqStart}, {@code convertsFrame}, {@code h264Range}, {@code sniff}, {@code jpegIcc}, {@code rules}.
 */
public final class HasherExports {
    private HasherExports() {
    }

    /** MD5 of a whole Uint8Array as 32 lowercase hex digits. */
    @JSExport
    public static String md5Hex(JSObject bytes) {
        Md5Stream stream = new Md5Stream();
        stream.update(bytes);
        return stream.finish();
    }

    /** A streaming MD5: {@code update(Uint8Array)} any number of times, then {@code finish()}. */
    @JSExport
    public static Md5Stream md5Start() {
        return new Md5Stream();
    }

    /** PDQ of RGBA pixels (canvas ImageData order) as {@code {hash, quality}}. */
    @JSExport
    public static JSObject pdq(JSObject pixels, JSObject width, JSObject height) {
        checkPixelArguments(pixels, width, height);
        try {
            int[] words = TypedArrays.rgbaWords(pixels);
            PdqResult result = words != null
                    ? PdqHasher.hashRgbaWords(words, intOf(width), intOf(height))
                    : PdqHasher.hash(TypedArrays.bytes(pixels), intOf(width), intOf(height), 4);
            return hashAndQuality(result.hash().toHex(), result.quality());
        } catch (IllegalArgumentException e) {
            JsErrors.throwError(e.getMessage());
            return null;
        }
    }

    /** The 8 dihedral PDQ hashes: original, rotate 90/180/270, flip X, flip Y, flip +1, flip -1. */
    @JSExport
    public static JSArray<JSString> pdqDihedral(JSObject pixels, JSObject width, JSObject height) {
        byte[] rgba = rgbaPixels(pixels, width, height);
        PdqHash[] hashes;
        try {
            hashes = PdqHasher.dihedral(rgba, intOf(width), intOf(height), 4);
        } catch (IllegalArgumentException e) {
            JsErrors.throwError(e.getMessage());
            return null;
        }
        JSArray<JSString> out = new JSArray<>();
        for (PdqHash h : hashes) {
            out.push(JSString.valueOf(h.toHex()));
        }
        return out;
    }

    /**
     * A video's vPDQ, frame by frame in presentation order: {@code wants(seconds)} for every
     * decoded frame, {@code hash(rgba, width, height)} (or {@code hashYuv(planes, format, width,
     * height, layout, fullRange)}) for each wanted one, then {@code frames()}.
     */
    @JSExport
    public static VpdqStream vpdqStart() {
        return new VpdqStream();
    }

    /**
     * Whether {@code hashYuv} converts frames whose {@code VideoFrame.format} is {@code format} (a string,
     * or null as some hardware frames give it): the {@link PixelFormat} list, so the worker asks before
     * copying a frame's planes instead of keeping a list of its own.
     */
    @JSExport
    public static boolean convertsFrame(JSObject format) {
        return JsErrors.isString(format) && PixelFormat.ofWebCodecs(((JSString) format).stringValue()) != null;
    }

    /**
     * Whether an H.264 track's samples are full range as the CLI's ffmpeg decodes them, from its avcC
     * record (the WebCodecs {@code description}, a Uint8Array): {@code "full"}, {@code "limited"},
     * {@code "unspecified"} when the SPS has no video signal type (the container's range then decides), or
     * {@code "unknown"} when the record or its first SPS cannot be read ({@link AvcSampleRange}).
     */
    @JSExport
    public static String h264Range(JSObject avcC) {
        if (!JsErrors.isByteArray(avcC)) {
            JsErrors.throwError("h264Range needs the track's avcC record as a Uint8Array");
        }
        return AvcSampleRange.of(TypedArrays.bytes(avcC)).name().toLowerCase(Locale.ROOT);
    }

    /** Hamming distance of two 64-digit PDQ hex hashes. */
    @JSExport
    public static int hamming(JSObject hexA, JSObject hexB) {
        if (!JsErrors.isString(hexA) || !JsErrors.isString(hexB)) {
            JsErrors.throwError("hamming needs two strings of 64 hex digits");
        }
        try {
            return PdqHash.distance(((JSString) hexA).stringValue(), ((JSString) hexB).stringValue());
        } catch (IllegalArgumentException e) {
            JsErrors.throwError(e.getMessage());
            return -1;
        }
    }

    /**
     * What a file's first bytes (a Uint8Array of up to {@code rules().sniffBytes} bytes) say it is:
     * {@code "image"}, {@code "video"} or {@code "unknown"} ({@link MediaSniffer}, as in the CLI).
     */
    @JSExport
    public static String sniff(JSObject head) {
        if (!JsErrors.isByteArray(head)) {
            JsErrors.throwError("sniff needs a Uint8Array of the file's first bytes");
        }
        byte[] bytes = TypedArrays.bytes(head);
        return MediaSniffer.kind(bytes, bytes.length).jsName();
    }

    /**
     * Whether a JPEG's first bytes (a Uint8Array of up to {@code rules().jpegHeadBytes} bytes) carry an ICC
     * colour profile: {@code "absent"}, {@code "present"} or {@code "unknown"} ({@link JpegIcc}).
     */
    @JSExport
    public static String jpegIcc(JSObject head) {
        if (!JsErrors.isByteArray(head)) {
            JsErrors.throwError("jpegIcc needs a Uint8Array of the file's first bytes");
        }
        byte[] bytes = TypedArrays.bytes(head);
        return JpegIcc.of(bytes, bytes.length).jsName();
    }

    /**
     * The rules the browser shares with the server ({@link HashRules}): {@code {pdqMinQuality,
     * vpdqMaxFrames, sniffBytes, jpegHeadBytes}}.
     */
    @JSExport
    public static JSObject rules() {
        return rulesObject(HashRules.PDQ_MIN_QUALITY, HashRules.VPDQ_MAX_FRAMES, MediaSniffer.HEAD_BYTES, JpegIcc.HEAD_BYTES);
    }

    private static byte[] rgbaPixels(JSObject pixels, JSObject width, JSObject height) {
        checkPixelArguments(pixels, width, height);
        return TypedArrays.bytes(pixels);
    }

    private static void checkPixelArguments(JSObject pixels, JSObject width, JSObject height) {
        if (!JsErrors.isByteArray(pixels)) {
            JsErrors.throwError("pixels must be a Uint8ClampedArray or Uint8Array of RGBA bytes");
        }
        if (!JsErrors.isNonNegativeInt(width) || !JsErrors.isNonNegativeInt(height)) {
            JsErrors.throwError("width and height must be whole numbers");
        }
    }

    @JSBody(params = "x", script = "return x;")
    private static native int intOf(JSObject x);

    @JSBody(params = {"hash", "quality"}, script = "return {hash: hash, quality: quality};")
    private static native JSObject hashAndQuality(String hash, int quality);

    @JSBody(params = {"pdqMinQuality", "vpdqMaxFrames", "sniffBytes", "jpegHeadBytes"},
            script = "return {pdqMinQuality: pdqMinQuality, vpdqMaxFrames: vpdqMaxFrames, sniffBytes: sniffBytes,"
                    + " jpegHeadBytes: jpegHeadBytes};")
    private static native JSObject rulesObject(int pdqMinQuality, int vpdqMaxFrames, int sniffBytes, int jpegHeadBytes);

    @JSBody(params = {"t", "pdq", "q"}, script = "return {t: t, pdq: pdq, q: q};")
    private static native JSObject frame(double t, String pdq, int q);

    @JSBody(params = "x", script = "return typeof x === 'number' && isFinite(x) && x >= 0;")
    private static native boolean isSeconds(JSObject x);

    @JSBody(params = "x", script = "return x;")
    private static native double doubleOf(JSObject x);

    @JSBody(params = "x", script = "return String(x);")
    private static native String text(JSObject x);

    @JSBody(params = "x", script = "return x === true;")
    private static native boolean isTrue(JSObject x);

    /** Offsets and strides below 2^31, so that {@link #planeOffsets} and {@link #planeStrides} do not wrap them. */
    @JSBody(params = "layout", script = "return Array.isArray(layout) && layout.every(function (p) {"
            + " return p !== null && typeof p === 'object'"
            + " && Number.isInteger(p.offset) && p.offset >= 0 && p.offset < 2147483648"
            + " && Number.isInteger(p.stride) && p.stride >= 0 && p.stride < 2147483648; });")
    private static native boolean isLayout(JSObject layout);

    @JSBody(params = "layout", script = "return Int32Array.from(layout, function (p) { return p.offset; });")
    private static native Int32Array planeOffsets(JSObject layout);

    @JSBody(params = "layout", script = "return Int32Array.from(layout, function (p) { return p.stride; });")
    private static native Int32Array planeStrides(JSObject layout);

    /** vPDQ state handed to JavaScript by {@link #vpdqStart}; sampling and duplicates as on the JVM. */
    public static final class VpdqStream {
        private final VpdqBuilder builder = new VpdqBuilder();
        private int[] words;

        /** Whether the next decoded frame, at this many seconds, is to be hashed. */
        @JSExport
        public boolean wants(JSObject seconds) {
            if (!isSeconds(seconds)) {
                JsErrors.throwError("wants needs the frame's time in seconds, a number >= 0");
            }
            try {
                return builder.wants(doubleOf(seconds));
            } catch (IllegalStateException e) {
                JsErrors.throwError(e.getMessage());
                return false;
            }
        }

        /** Hashes the wanted frame's RGBA pixels. */
        @JSExport
        public void hash(JSObject pixels, JSObject width, JSObject height) {
            byte[] rgba = rgbaPixels(pixels, width, height);
            try {
                builder.hash(rgba, intOf(width), intOf(height), 4);
            } catch (IllegalArgumentException | IllegalStateException e) {
                JsErrors.throwError(e.getMessage());
            }
        }

        /**
         * Hashes the wanted frame from its planes as {@code VideoFrame.copyTo(buffer, {rect:
         * frame.visibleRect})} left them: {@code buffer} a Uint8Array, {@code format} the frame's
         * {@code format} ({@code I420}, {@code I420A}, {@code I422}, {@code I444}, {@code NV12}, the
         * {@code P10} variants, {@code RGBA}, {@code RGBX}, {@code BGRA}, {@code BGRX}), the visible
         * size, {@code layout} the PlaneLayout array copyTo resolved to, and whether the samples are full
         * range. Converted as the CLI converts ffmpeg's raw frames ({@link FrameConverter}).
         */
        @JSExport
        public void hashYuv(JSObject buffer, JSObject format, JSObject width, JSObject height, JSObject layout,
                JSObject fullRange) {
            if (!JsErrors.isByteArray(buffer)) {
                JsErrors.throwError("hashYuv needs the frame's planes as a Uint8Array");
            }
            PixelFormat f = JsErrors.isString(format) ? PixelFormat.ofWebCodecs(((JSString) format).stringValue()) : null;
            if (f == null) {
                JsErrors.throwError("hashYuv cannot convert the pixel format " + text(format));
            }
            if (!JsErrors.isNonNegativeInt(width) || !JsErrors.isNonNegativeInt(height) || !isLayout(layout)) {
                JsErrors.throwError("hashYuv needs whole-number width and height and copyTo's plane layout");
            }
            int w = intOf(width);
            int h = intOf(height);
            try {
                words = FrameConverter.toRgbaWords(TypedArrays.sharedBytes(buffer), f, w, h,
                        planeOffsets(layout).copyToJavaArray(), planeStrides(layout).copyToJavaArray(),
                        isTrue(fullRange), words);
                builder.hashRgbaWords(words, w, h);
            } catch (IllegalArgumentException | IllegalStateException e) {
                JsErrors.throwError(e.getMessage());
            }
        }

        /** Frames decoded so far. */
        @JSExport
        public int framesSeen() {
            return builder.framesSeen();
        }

        /** The kept frames: {@code [{t: seconds, pdq: hex, q: quality}, ...]}. */
        @JSExport
        public JSArray<JSObject> frames() {
            JSArray<JSObject> out = new JSArray<>();
            for (VpdqFrame f : builder.frames()) {
                out.push(frame(Math.round(f.timestampSeconds() * 1000) / 1000.0, f.hash().toHex(), f.quality()));
            }
            return out;
        }
    }

    /** Streaming MD5 handed to JavaScript by {@link #md5Start}. */
    public static final class Md5Stream {
        private final Md5 md5 = new Md5();
        private boolean finished;

        /** Adds the bytes of a Uint8Array; whole 64-byte blocks are read as 32-bit words. */
        @JSExport
        public void update(JSObject bytes) {
            if (finished) {
                JsErrors.throwError("this MD5 was already finished; call md5Start() again");
            }
            if (!JsErrors.isByteArray(bytes)) {
                JsErrors.throwError("update needs a Uint8Array");
            }
            TypedArrays.feed(md5, bytes);
        }

        /** Ends the stream and returns the digest as 32 lowercase hex digits. */
        @JSExport
        public String finish() {
            if (finished) {
                JsErrors.throwError("this MD5 was already finished; call md5Start() again");
            }
            finished = true;
            return md5.finishHex();
        }
    }
}
