package org.takeitdown.hasher.rules;

/** The file formats {@link MediaSniffer} recognises, each with the kind of hashing it gets. */
public enum MediaFormat {
    JPEG(MediaKind.IMAGE),
    PNG(MediaKind.IMAGE),
    /** GIF87a or GIF89a; an animated GIF is hashed as its first picture, as browsers decode it. */
    GIF(MediaKind.IMAGE),
    WEBP(MediaKind.IMAGE),
    BMP(MediaKind.IMAGE),
    /** TIFF and BigTIFF, either byte order (most cameras' raw formats are TIFF too). */
    TIFF(MediaKind.IMAGE),
    /** A HEIF still image: HEIC (iPhone photos), or another codec in HEIF. */
    HEIF(MediaKind.IMAGE),
    /**
     * A HEIF image sequence (brands {@code msf1}, {@code hevc}, ...): an image format, hashed as its
     * first picture like an animated GIF; browsers show these in an image, and no browser plays them
     * as a video.
     */
    HEIF_SEQUENCE(MediaKind.IMAGE),
    /** An AVIF still image. */
    AVIF(MediaKind.IMAGE),
    /** An AVIF image sequence (animated AVIF): hashed as its first picture, as {@link #HEIF_SEQUENCE}. */
    AVIF_SEQUENCE(MediaKind.IMAGE),
    JPEG_XL(MediaKind.IMAGE),
    JPEG_2000(MediaKind.IMAGE),
    /** ISO base media with a video brand: MP4, MOV ({@code qt  }), 3GP, M4V, and any brand not an image's or audio's. */
    ISO_MEDIA(MediaKind.VIDEO),
    /** QuickTime movie without an {@code ftyp} box (older cameras and QuickTime versions). */
    QUICKTIME(MediaKind.VIDEO),
    /** Matroska and WebM (EBML). */
    MATROSKA(MediaKind.VIDEO),
    AVI(MediaKind.VIDEO),
    /** MPEG transport stream: 188-byte packets, or Blu-ray's 192-byte ones (M2TS). */
    MPEG_TS(MediaKind.VIDEO),
    /** MPEG program stream (VOB, MPG) or an MPEG-1/2 video stream. */
    MPEG_PS(MediaKind.VIDEO),
    FLV(MediaKind.VIDEO),
    /** ASF: WMV (and WMA, which is told from it only further in). */
    ASF(MediaKind.VIDEO),
    /** Anything else, a truncated header included (Ogg too: mostly audio, told apart only further in). */
    UNKNOWN(MediaKind.UNKNOWN);

    private final MediaKind kind;

    MediaFormat(MediaKind kind) {
        this.kind = kind;
    }

    public MediaKind kind() {
        return kind;
    }
}
