package org.takeitdown.hasher.rules;

/**
 * Tells images from videos by a file's first bytes (never its name or declared type), the one
 * decision shared by the browser (through {@code sniff} in {@code /js/hasher.js}) and the CLI. Only
 * images go to an image decoder, so a big video or archive is never read whole to decode it.
 *
 * <p>ISO base media files (an {@code ftyp} box at byte 4: MP4, MOV, 3GP, HEIF, AVIF) are told apart
 * by their major brand, the specification the file is best used under (ISO/IEC 14496-12, 4.3):
 * <ul>
 *   <li>HEIF still-image brands (ISO/IEC 23008-12: {@code mif1}, {@code mif2}; HEVC {@code heic},
 *       {@code heix}, {@code heim}, {@code heis}; AVC {@code avci}; JPEG {@code jpeg}; VVC {@code vvic};
 *       MIAF, ISO/IEC 23000-22: {@code miaf}) and AVIF's ({@code avif}, AV1 Image File Format 1.1)
 *       are images;</li>
 *   <li>HEIF image-sequence brands ({@code msf1}; HEVC {@code hevc}, {@code hevx}, {@code hevm},
 *       {@code hevs}; AVC {@code avcs}; JPEG {@code jpgs}; VVC {@code vvis}) and AVIF's
 *       ({@code avis}, {@code avio}) are images too: they are image formats (image/heic-sequence,
 *       image/avif), browsers show them as pictures and decode their first picture for a canvas, the
 *       way they treat an animated GIF, and no browser plays them in a video element;</li>
 *   <li>AVIF is told from other HEIF by {@code avif}, {@code avis} or {@code avio} among the major or
 *       compatible brands (an AVIF file's major brand may be the structural {@code mif1} or {@code msf1});</li>
 *   <li>audio-only brands ({@code M4A }, {@code M4B }, {@code M4P }) are not videos; every other brand
 *       ({@code isom}, {@code iso2}..., {@code mp41}, {@code mp42}, {@code qt  }, {@code 3gp4}...,
 *       {@code M4V }, {@code avc1}, {@code dash}...) is a video.</li>
 * </ul>
 */
public final class MediaSniffer {
    /** Bytes of the file's start that {@link #sniff} reads (enough for an MPEG-TS's third packet). */
    public static final int HEAD_BYTES = 512;

    private static final String[] HEIF_STILL = {"mif1", "mif2", "miaf", "heic", "heix", "heim", "heis", "avci", "jpeg", "vvic"};
    private static final String[] HEIF_SEQUENCE = {"msf1", "hevc", "hevx", "hevm", "hevs", "avcs", "jpgs", "vvis"};
    private static final String[] AVIF_STILL = {"avif"};
    private static final String[] AVIF_SEQUENCE = {"avis", "avio"};
    private static final String[] AUDIO = {"M4A ", "M4B ", "M4P "};
    /** Top-level atoms a QuickTime movie without {@code ftyp} starts with. */
    private static final String[] QUICKTIME_ATOMS = {"moov", "mdat", "wide", "pnot"};
    /** BITMAPINFOHEADER and its relatives: the sizes a BMP's second header may have. */
    private static final int[] BMP_INFO_SIZES = {12, 16, 40, 52, 56, 64, 108, 124};
    private static final int TS_PACKET = 188;
    private static final int M2TS_PACKET = 192;

    private MediaSniffer() {
    }

    /** The kind of the first {@code length} bytes of {@code head} (the file's start). */
    public static MediaKind kind(byte[] head, int length) {
        return sniff(head, length).kind();
    }

    /**
     * The format of the first {@code length} bytes of {@code head} (the file's start); bytes past
     * {@link #HEAD_BYTES} are not read.
     */
    public static MediaFormat sniff(byte[] head, int length) {
        int n = Math.max(0, Math.min(HEAD_BYTES, Math.min(length, head.length)));
        if (at(head, n, 0, 0xFF, 0xD8, 0xFF)) {
            return MediaFormat.JPEG;
        }
        if (at(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaFormat.PNG;
        }
        if (at(head, n, 0, 'G', 'I', 'F', '8', '7', 'a') || at(head, n, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return MediaFormat.GIF;
        }
        if (at(head, n, 0, 'R', 'I', 'F', 'F') && at(head, n, 8, 'W', 'E', 'B', 'P')) {
            return MediaFormat.WEBP;
        }
        if (at(head, n, 0, 'R', 'I', 'F', 'F') && at(head, n, 8, 'A', 'V', 'I', ' ')) {
            return MediaFormat.AVI;
        }
        if (at(head, n, 0, 'B', 'M') && n >= 18 && contains(BMP_INFO_SIZES, uint32le(head, 14))) {
            return MediaFormat.BMP;
        }
        if (at(head, n, 0, 'I', 'I', 0x2A, 0x00) || at(head, n, 0, 'M', 'M', 0x00, 0x2A)
                || at(head, n, 0, 'I', 'I', 0x2B, 0x00) || at(head, n, 0, 'M', 'M', 0x00, 0x2B)) {
            return MediaFormat.TIFF;
        }
        if (at(head, n, 0, 0xFF, 0x0A)
                || at(head, n, 0, 0x00, 0x00, 0x00, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
            return MediaFormat.JPEG_XL;
        }
        if (at(head, n, 0, 0xFF, 0x4F, 0xFF, 0x51)
                || at(head, n, 0, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
            return MediaFormat.JPEG_2000;
        }
        if (at(head, n, 4, 'f', 't', 'y', 'p')) {
            return isoMedia(head, n);
        }
        for (String atom : QUICKTIME_ATOMS) {
            if (n >= 8 && fourCc(head, 4).equals(atom)) {
                return MediaFormat.QUICKTIME;
            }
        }
        if (at(head, n, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return MediaFormat.MATROSKA;
        }
        if (syncEvery(head, n, 0, TS_PACKET) || syncEvery(head, n, 4, M2TS_PACKET)) {
            return MediaFormat.MPEG_TS;
        }
        if (at(head, n, 0, 0x00, 0x00, 0x01, 0xBA) || at(head, n, 0, 0x00, 0x00, 0x01, 0xB3)) {
            return MediaFormat.MPEG_PS;
        }
        if (at(head, n, 0, 'F', 'L', 'V', 0x01)) {
            return MediaFormat.FLV;
        }
        if (at(head, n, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11,
                0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C)) {
            return MediaFormat.ASF;
        }
        return MediaFormat.UNKNOWN;
    }

    /** An {@code ftyp} file: the major brand decides image or video, the brands listed decide AVIF or other HEIF. */
    private static MediaFormat isoMedia(byte[] head, int n) {
        if (n < 12) {
            return MediaFormat.UNKNOWN;
        }
        String major = fourCc(head, 8);
        boolean sequence = contains(HEIF_SEQUENCE, major) || contains(AVIF_SEQUENCE, major);
        boolean still = contains(HEIF_STILL, major) || contains(AVIF_STILL, major);
        if (!sequence && !still) {
            return contains(AUDIO, major) ? MediaFormat.UNKNOWN : MediaFormat.ISO_MEDIA;
        }
        boolean av1 = contains(AVIF_STILL, major) || contains(AVIF_SEQUENCE, major);
        // Compatible brands follow the minor version (bytes 12..15), up to the end of the ftyp box.
        long boxEnd = Math.min(uint32be(head, 0), n);
        for (int at = 16; at + 4 <= boxEnd; at += 4) {
            String brand = fourCc(head, at);
            av1 |= contains(AVIF_STILL, brand) || contains(AVIF_SEQUENCE, brand);
        }
        if (av1) {
            return sequence ? MediaFormat.AVIF_SEQUENCE : MediaFormat.AVIF;
        }
        return sequence ? MediaFormat.HEIF_SEQUENCE : MediaFormat.HEIF;
    }

    /** Whether an MPEG-TS sync byte 0x47 starts each packet within the head, at least two of them. */
    private static boolean syncEvery(byte[] head, int n, int first, int packet) {
        if (n <= first + packet) {
            return false;
        }
        for (int at = first; at < n; at += packet) {
            if ((head[at] & 0xff) != 0x47) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(byte[] head, int n, int from, int... magic) {
        if (n < from + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[from + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String fourCc(byte[] head, int from) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (head[from + i] & 0xff);
        }
        return new String(c);
    }

    private static long uint32be(byte[] b, int from) {
        return ((long) (b[from] & 0xff) << 24) | ((b[from + 1] & 0xff) << 16) | ((b[from + 2] & 0xff) << 8) | (b[from + 3] & 0xff);
    }

    private static long uint32le(byte[] b, int from) {
        return ((long) (b[from + 3] & 0xff) << 24) | ((b[from + 2] & 0xff) << 16) | ((b[from + 1] & 0xff) << 8) | (b[from] & 0xff);
    }

    private static boolean contains(String[] set, String s) {
        for (String x : set) {
            if (x.equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] set, long v) {
        for (int x : set) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
