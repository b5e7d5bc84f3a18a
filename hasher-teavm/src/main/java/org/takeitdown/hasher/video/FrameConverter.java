package org.takeitdown.hasher.video;

import java.util.Objects;

/**
 * Converts one decoded frame's planes ({@link PixelFormat}, laid out as WebCodecs'
 * {@code VideoFrame.copyTo} or ffmpeg's raw output gives them) into RGBA words for PDQ, in one pass,
 * the way Meta's vPDQ reference converts with libswscale ({@link SwscaleTables}).
 */
public final class FrameConverter {
    private FrameConverter() {
    }

    /**
     * The frame's {@code width x height} pixels as little-endian RGBA words (R in the low byte, alpha
     * 255), row-major from the top left, written into {@code reuse} when it has exactly that length.
     * Plane {@code p} starts at byte {@code offsets[p]} of {@code data} and its rows are
     * {@code strides[p]} bytes apart; 10-bit samples are little-endian 16-bit words and are rounded
     * to 8 bits before the 8-bit tables. {@code fullRange}: Y and chroma use 0..255 (JPEG, yuvj*)
     * instead of 16..235/240.
     */
    public static int[] toRgbaWords(byte[] data, PixelFormat format, int width, int height, int[] offsets,
            int[] strides, boolean fullRange, int[] reuse) {
        check(data, format, width, height, offsets, strides);
        int[] out = reuse != null && reuse.length == width * height ? reuse : new int[width * height];
        SwscaleTables tables = fullRange ? SwscaleTables.FULL : SwscaleTables.LIMITED;
        if (!format.isYuv()) {
            packed(data, format, width, height, offsets[0], strides[0], out);
        } else if (format == PixelFormat.NV12) {
            nv12(data, width, height, offsets, strides, tables, out);
        } else if (format.sampleBytes() == 2) {
            planar10(data, format, width, height, offsets, strides, tables, out);
        } else {
            planar8(data, format, width, height, offsets, strides, tables, out);
        }
        return out;
    }

    private static void check(byte[] data, PixelFormat format, int width, int height, int[] offsets, int[] strides) {
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1, got " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("frame too large: " + width + "x" + height);
        }
        int planes = format == PixelFormat.I420A ? 3 : format.planes();
        if (offsets.length < planes || strides.length < planes) {
            throw new IllegalArgumentException(format + " needs " + planes + " plane offsets and strides, got "
                    + offsets.length + " and " + strides.length);
        }
        for (int p = 0; p < planes; p++) {
            int rowBytes = format.rowBytes(p, width);
            long end = (long) offsets[p] + (long) strides[p] * (format.rows(p, height) - 1) + rowBytes;
            if (offsets[p] < 0 || strides[p] < rowBytes || end > data.length) {
                throw new IllegalArgumentException("plane " + p + " of a " + width + "x" + height + " " + format
                        + " frame (offset " + offsets[p] + ", stride " + strides[p] + ") does not fit in "
                        + data.length + " bytes");
            }
        }
    }

    private static void planar8(byte[] data, PixelFormat format, int width, int height, int[] offsets,
            int[] strides, SwscaleTables tables, int[] out) {
        int sx = format.chromaShiftX();
        int sy = format.chromaShiftY();
        int[] t = tables.table;
        int pairs = sx == 1 ? width >> 1 : 0;
        for (int y = 0; y < height; y++) {
            int yRow = offsets[0] + y * strides[0];
            int uRow = offsets[1] + (y >> sy) * strides[1];
            int vRow = offsets[2] + (y >> sy) * strides[2];
            int o = y * width;
            // Range checks up front, so that TeaVM's JavaScript reads the arrays without one per pixel.
            Objects.checkFromIndexSize(yRow, width, data.length);
            Objects.checkFromIndexSize(o, width, out.length);
            Objects.checkFromIndexSize(0, SwscaleTables.LENGTH, t.length);
            // Halved chroma: the two pixels of a pair share their chroma lookups.
            for (int c = 0; c < pairs; c++) {
                int u = data[uRow + c] & 0xff;
                int v = data[vRow + c] & 0xff;
                int r = t[SwscaleTables.RV + v];
                int g = t[SwscaleTables.GU + u] + t[SwscaleTables.GV + v];
                int b = t[SwscaleTables.BU + u];
                int l = data[yRow + 2 * c] & 0xff;
                out[o + 2 * c] = t[l + r] | t[l + g] << 8 | t[l + b] << 16 | 0xff000000;
                l = data[yRow + 2 * c + 1] & 0xff;
                out[o + 2 * c + 1] = t[l + r] | t[l + g] << 8 | t[l + b] << 16 | 0xff000000;
            }
            for (int x = pairs * 2; x < width; x++) {
                out[o + x] = tables.rgba(data[yRow + x] & 0xff, data[uRow + (x >> sx)] & 0xff,
                        data[vRow + (x >> sx)] & 0xff);
            }
        }
    }

    private static void nv12(byte[] data, int width, int height, int[] offsets, int[] strides, SwscaleTables t,
            int[] out) {
        for (int y = 0; y < height; y++) {
            int yRow = offsets[0] + y * strides[0];
            int cRow = offsets[1] + (y >> 1) * strides[1];
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int c = cRow + (x >> 1) * 2;
                out[o + x] = t.rgba(data[yRow + x] & 0xff, data[c] & 0xff, data[c + 1] & 0xff);
            }
        }
    }

    private static void planar10(byte[] data, PixelFormat format, int width, int height, int[] offsets,
            int[] strides, SwscaleTables t, int[] out) {
        int sx = format.chromaShiftX();
        int sy = format.chromaShiftY();
        for (int y = 0; y < height; y++) {
            int yRow = offsets[0] + y * strides[0];
            int uRow = offsets[1] + (y >> sy) * strides[1];
            int vRow = offsets[2] + (y >> sy) * strides[2];
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int c = (x >> sx) * 2;
                out[o + x] = t.rgba(to8(data, yRow + x * 2), to8(data, uRow + c), to8(data, vRow + c));
            }
        }
    }

    /** A little-endian 10-bit sample rounded to 8 bits (1023 and 1022 give 255). */
    private static int to8(byte[] data, int at) {
        int v = (data[at] & 0xff | (data[at + 1] & 0x03) << 8) + 2 >> 2;
        return v > 255 ? 255 : v;
    }

    private static void packed(byte[] data, PixelFormat format, int width, int height, int offset, int stride,
            int[] out) {
        boolean bgr = format == PixelFormat.BGRA || format == PixelFormat.BGRX;
        for (int y = 0; y < height; y++) {
            int i = offset + y * stride;
            int o = y * width;
            for (int x = 0; x < width; x++, i += 4) {
                int r = data[bgr ? i + 2 : i] & 0xff;
                int g = data[i + 1] & 0xff;
                int b = data[bgr ? i : i + 2] & 0xff;
                out[o + x] = r | g << 8 | b << 16 | 0xff000000;
            }
        }
    }
}
