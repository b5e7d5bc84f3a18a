package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.io.InputStream;
import org.takeitdown.hasher.video.FrameConverter;
import org.takeitdown.hasher.video.PixelFormat;

/** One frame of ffmpeg's {@code -f rawvideo} output: its planes back to back, rows unpadded. */
final class RawFrame {
    /** Frames larger than this many pixels are refused (about 8K by 8K). */
    private static final long MAX_PIXELS = 64L * 1024 * 1024;

    final byte[] data;
    final PixelFormat format;
    final boolean fullRange;
    final int width;
    final int height;
    final int[] offsets;
    final int[] strides;

    private RawFrame(byte[] data, PixelFormat format, boolean fullRange, int width, int height, int[] offsets,
            int[] strides) {
        this.data = data;
        this.format = format;
        this.fullRange = fullRange;
        this.width = width;
        this.height = height;
        this.offsets = offsets;
        this.strides = strides;
    }

    /** Reads a frame ffmpeg logged as {@code pixFmt} and {@code width x height}. */
    static RawFrame read(InputStream in, String pixFmt, int width, int height) throws IOException, VideoDecodeException {
        boolean full = pixFmt.startsWith("yuvj");
        PixelFormat format = PixelFormat.ofFfmpeg(full ? "yuv" + pixFmt.substring(4) : pixFmt);
        if (format == null || width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
            throw new VideoDecodeException("unexpected frame format " + pixFmt + " " + width + "x" + height);
        }
        int[] offsets = new int[format.planes()];
        int[] strides = new int[format.planes()];
        long size = 0;
        for (int p = 0; p < format.planes(); p++) {
            offsets[p] = (int) size;
            strides[p] = format.rowBytes(p, width);
            size += (long) strides[p] * format.rows(p, height);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new VideoDecodeException("ffmpeg stopped in the middle of a frame");
        }
        return new RawFrame(data, format, full, width, height, offsets, strides);
    }

    /** The frame as RGBA words for PDQ ({@link FrameConverter}), reusing {@code reuse} when it fits. */
    int[] toRgbaWords(int[] reuse) {
        return FrameConverter.toRgbaWords(data, format, width, height, offsets, strides, fullRange, reuse);
    }
}
