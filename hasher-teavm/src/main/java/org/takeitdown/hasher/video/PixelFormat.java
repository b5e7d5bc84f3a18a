package org.takeitdown.hasher.video;

import java.util.Locale;

/**
 * The sample layouts a decoded frame comes in: WebCodecs' {@code VideoPixelFormat} names, with the
 * matching ffmpeg {@code pix_fmt} for the CLI's raw frames.
 */
public enum PixelFormat {
    /** 8-bit Y, U, V planes, chroma halved both ways (ffmpeg yuv420p). */
    I420("yuv420p", 3, 1, 1, 1),
    /** I420 with an alpha plane, which is ignored, as libswscale's RGB24 output drops it (yuva420p). */
    I420A("yuva420p", 4, 1, 1, 1),
    /** 8-bit Y, U, V planes, chroma halved horizontally (yuv422p). */
    I422("yuv422p", 3, 1, 0, 1),
    /** 8-bit Y, U, V planes at full size (yuv444p). */
    I444("yuv444p", 3, 0, 0, 1),
    /** 8-bit Y plane and one plane of interleaved U, V pairs, chroma halved both ways (nv12). */
    NV12("nv12", 2, 1, 1, 1),
    /** I420 with 10-bit samples in little-endian 16-bit words (yuv420p10le). */
    I420P10("yuv420p10le", 3, 1, 1, 2),
    /** I422 with 10-bit samples in little-endian 16-bit words (yuv422p10le). */
    I422P10("yuv422p10le", 3, 1, 0, 2),
    /** I444 with 10-bit samples in little-endian 16-bit words (yuv444p10le). */
    I444P10("yuv444p10le", 3, 0, 0, 2),
    /** One plane of R, G, B, A bytes (rgba). */
    RGBA("rgba", 1, 0, 0, 4),
    /** As RGBA with the fourth byte unused (rgb0). */
    RGBX("rgb0", 1, 0, 0, 4),
    /** One plane of B, G, R, A bytes (bgra). */
    BGRA("bgra", 1, 0, 0, 4),
    /** As BGRA with the fourth byte unused (bgr0). */
    BGRX("bgr0", 1, 0, 0, 4);

    private final String ffmpegName;
    private final int planes;
    private final int chromaShiftX;
    private final int chromaShiftY;
    private final int sampleBytes;

    PixelFormat(String ffmpegName, int planes, int chromaShiftX, int chromaShiftY, int sampleBytes) {
        this.ffmpegName = ffmpegName;
        this.planes = planes;
        this.chromaShiftX = chromaShiftX;
        this.chromaShiftY = chromaShiftY;
        this.sampleBytes = sampleBytes;
    }

    /** The format WebCodecs names {@code name}, or null when this class cannot convert it. */
    public static PixelFormat ofWebCodecs(String name) {
        if (name == null) {
            return null;
        }
        for (PixelFormat f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The format ffmpeg names {@code pixFmt}, or null when this class cannot convert it. */
    public static PixelFormat ofFfmpeg(String pixFmt) {
        String name = pixFmt.toLowerCase(Locale.ROOT);
        for (PixelFormat f : values()) {
            if (f.ffmpegName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** ffmpeg's {@code pix_fmt} name for this layout. */
    public String ffmpegName() {
        return ffmpegName;
    }

    /** Number of planes. */
    public int planes() {
        return planes;
    }

    /** Whether the samples are Y, U, V (false: R, G, B bytes). */
    public boolean isYuv() {
        return planes > 1;
    }

    /** log2 of the horizontal chroma subsampling. */
    int chromaShiftX() {
        return chromaShiftX;
    }

    /** log2 of the vertical chroma subsampling. */
    int chromaShiftY() {
        return chromaShiftY;
    }

    /** Bytes of one sample: 1 (8-bit), 2 (10-bit little-endian) or 4 (a whole RGBA pixel). */
    int sampleBytes() {
        return sampleBytes;
    }

    /** Bytes one row of plane {@code plane} needs for a frame {@code width} pixels wide. */
    public int rowBytes(int plane, int width) {
        if (plane == 0 || plane == 3) {
            return width * sampleBytes;
        }
        int chromaWidth = (width + (1 << chromaShiftX) - 1) >> chromaShiftX;
        return this == NV12 ? chromaWidth * 2 : chromaWidth * sampleBytes;
    }

    /** Rows of plane {@code plane} for a frame {@code height} pixels high. */
    public int rows(int plane, int height) {
        return plane == 0 || plane == 3 ? height : (height + (1 << chromaShiftY) - 1) >> chromaShiftY;
    }
}
