package org.takeitdown.hasher.rules;

/**
 * Whether a JPEG carries an ICC colour profile, read from the markers before its first scan. A JPEG
 * without one decodes to the same pixels whether the browser manages colour or not (nothing says the
 * pixels are other than sRGB), so the page may then ask for the browser's default decode, which Chromium
 * does without a second copy of the picture (a 12 MP photo in 0.75–0.81 of the time; hasher-teavm/README.md).
 *
 * <p>An ICC profile in a JPEG is stored in APP2 segments whose data begins with the 12 bytes
 * {@code "ICC_PROFILE\0"} (ICC.1:2022, Annex B.4, "Embedding ICC profiles in JFIF files"); that is what
 * libjpeg-turbo's {@code jpeg_read_icc_profile} and the browsers look for, and they read those segments
 * only between the start of image and the first start of scan (ITU-T T.81, B.2.1: markers before the
 * scan's data). A JPEG is {@link #ABSENT} only when that whole stretch is read and has none; anything not
 * read to its end, or not a JPEG, is {@link #UNKNOWN}, which the page treats as a profile.
 */
public enum JpegIcc {
    /** Read up to the first start of scan: no ICC profile segment. */
    ABSENT,
    /** An APP2 segment with an ICC profile. */
    PRESENT,
    /** Not a JPEG, or its markers run past the bytes given, or they are malformed. */
    UNKNOWN;

    /**
     * Bytes of the file's start that {@link #of} reads: room for the usual segments before the scan, an
     * EXIF segment (at most 64 KiB, its thumbnail included) and XMP (a 64 KiB segment, and its extension
     * in more of them) among them; a file whose scan starts later is {@link #UNKNOWN}.
     */
    public static final int HEAD_BYTES = 256 * 1024;

    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP2 = 0xE2;
    /** TEM and RST0..RST7 (T.81, Table B.1): markers without a length, which do not belong before a scan. */
    private static final int TEM = 0x01;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final byte[] ICC_PROFILE = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};

    /** What the first {@code length} bytes of {@code head} (the file's start) say; bytes past {@link #HEAD_BYTES} are not read. */
    public static JpegIcc of(byte[] head, int length) {
        int n = Math.max(0, Math.min(HEAD_BYTES, Math.min(length, head.length)));
        if (n < 2 || u8(head, 0) != MARKER || u8(head, 1) != SOI) {
            return UNKNOWN;
        }
        int at = 2;
        while (true) {
            if (at >= n || u8(head, at) != MARKER) {
                return UNKNOWN;
            }
            // Any number of 0xFF fill bytes may come before a marker's code (T.81, B.1.1.2).
            while (at < n && u8(head, at) == MARKER) {
                at++;
            }
            if (at >= n) {
                return UNKNOWN;
            }
            int marker = u8(head, at++);
            if (marker == SOS) {
                return ABSENT;
            }
            if (marker == 0 || marker == SOI || marker == EOI || marker == TEM || (marker >= RST0 && marker <= RST7)) {
                return UNKNOWN;
            }
            if (at + 2 > n) {
                return UNKNOWN;
            }
            int segment = u8(head, at) << 8 | u8(head, at + 1);
            if (segment < 2) {
                return UNKNOWN;
            }
            if (marker == APP2 && startsWith(head, n, at + 2, segment - 2, ICC_PROFILE)) {
                return PRESENT;
            }
            at += segment;
        }
    }

    /** The name the browser uses: {@code absent}, {@code present} or {@code unknown}. */
    public String jsName() {
        return this == ABSENT ? "absent" : this == PRESENT ? "present" : "unknown";
    }

    /** Whether the segment's {@code size} bytes at {@code at}, all within the first {@code n}, begin with {@code prefix}. */
    private static boolean startsWith(byte[] head, int n, int at, int size, byte[] prefix) {
        if (size < prefix.length || at + prefix.length > n) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
