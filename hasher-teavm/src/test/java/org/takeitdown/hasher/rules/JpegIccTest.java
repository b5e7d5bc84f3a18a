package org.takeitdown.hasher.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ICC profiles found in a JPEG's markers before its scan: the shared vectors and hand-built files. */
class JpegIccTest {
    /** The vectors' JPEGs with an embedded ICC profile (the README's notes; {@code grep -c ICC_PROFILE} agrees). */
    private static final Set<String> WITH_PROFILE = Set.of("small.jpg", "wee.jpg");

    static JpegIcc ofFile(Path file) throws IOException {
        byte[] head = new byte[JpegIcc.HEAD_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            return JpegIcc.of(head, in.readNBytes(head, 0, head.length));
        }
    }

    @Test
    void everyVectorJpegIsReadToItsScanAndOnlyTheTaggedOnesHaveAProfile() throws IOException {
        int jpegs = 0;
        for (Path file : MediaSnifferTest.vectorFiles()) {
            String name = file.getFileName().toString();
            JpegIcc icc = ofFile(file);
            if (name.endsWith(".jpg")) {
                jpegs++;
                assertThat(icc).as(name).isEqualTo(WITH_PROFILE.contains(name) ? JpegIcc.PRESENT : JpegIcc.ABSENT);
            } else {
                assertThat(icc).as(name + " is not a JPEG").isEqualTo(JpegIcc.UNKNOWN);
            }
        }
        assertThat(jpegs).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aProfileAfterABigExifAndXmpIsFound() {
        byte[] jpeg = jpeg(segment(0xE1, filler(65_533)), segment(0xE1, filler(65_533)), segment(0xE2, icc(600)), sos());
        assertThat(JpegIcc.of(jpeg, jpeg.length)).isEqualTo(JpegIcc.PRESENT);
    }

    @Test
    void otherApp2SegmentsAreNotAProfile() {
        byte[] mpf = jpeg(segment(0xE0, ascii("JFIF\0")), segment(0xE2, ascii("MPF\0MM\0*")),
                segment(0xE2, ascii("ICC_PROFILE!")), segment(0xE2, ascii("ICC_PROFILE")), sos());
        assertThat(JpegIcc.of(mpf, mpf.length)).isEqualTo(JpegIcc.ABSENT);
    }

    @Test
    void aProfileOnlyAfterTheScanDoesNotCount() {
        byte[] jpeg = jpeg(segment(0xDB, filler(65)), sos(), segment(0xE2, icc(100)));
        assertThat(JpegIcc.of(jpeg, jpeg.length)).isEqualTo(JpegIcc.ABSENT);
    }

    @Test
    void fillBytesBeforeAMarkerAreSkipped() {
        byte[] jpeg = jpeg(new byte[] {(byte) 0xFF, (byte) 0xFF}, segment(0xE2, icc(10)), sos());
        assertThat(JpegIcc.of(jpeg, jpeg.length)).isEqualTo(JpegIcc.PRESENT);
    }

    @Test
    void whatIsNotReadToTheScanIsUnknown() {
        byte[] whole = jpeg(segment(0xE1, filler(1000)), segment(0xC4, filler(30)), sos());
        assertThat(JpegIcc.of(whole, whole.length)).isEqualTo(JpegIcc.ABSENT);
        int scan = whole.length - sos().length;
        for (int cut : List.of(0, 1, 2, 3, 5, 1000, scan, scan + 1)) {
            assertThat(JpegIcc.of(whole, cut)).as("first %d bytes", cut).isEqualTo(JpegIcc.UNKNOWN);
        }
        assertThat(JpegIcc.of(whole, scan + 2)).as("up to the scan's marker").isEqualTo(JpegIcc.ABSENT);
    }

    @Test
    void aProfilePastTheBytesReadIsUnknownNotAbsent() {
        byte[] segments = new byte[0];
        while (segments.length < JpegIcc.HEAD_BYTES) {
            segments = concat(segments, segment(0xE1, filler(65_533)));
        }
        byte[] jpeg = jpeg(segments, segment(0xE2, icc(100)), sos());
        assertThat(JpegIcc.of(jpeg, jpeg.length)).isEqualTo(JpegIcc.UNKNOWN);
    }

    @Test
    void malformedMarkersAreUnknown() {
        List<byte[]> bad = List.of(
                new byte[0],
                ascii("not a jpeg at all"),
                jpeg(new byte[] {0x00}, sos()),                                  // no marker where one must be
                jpeg(new byte[] {(byte) 0xFF, 0x00}, sos()),                     // a stuffed zero, not a marker
                jpeg(new byte[] {(byte) 0xFF, (byte) 0xD8}, sos()),              // a second start of image
                jpeg(new byte[] {(byte) 0xFF, (byte) 0xD0}, sos()),              // a restart marker before any scan
                jpeg(new byte[] {(byte) 0xFF, (byte) 0xD9}),                     // the end before any scan
                jpeg(new byte[] {(byte) 0xFF, (byte) 0xE1, 0x00, 0x01}, sos())); // a length below its own two bytes
        for (byte[] b : bad) {
            assertThat(JpegIcc.of(b, b.length)).isEqualTo(JpegIcc.UNKNOWN);
        }
    }

    @Test
    void aHeadOfNothingButEmptySegmentsEndsUnknown() {
        byte[] jpeg = new byte[JpegIcc.HEAD_BYTES + 100];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        for (int at = 2; at + 4 <= jpeg.length; at += 4) {
            jpeg[at] = (byte) 0xFF;
            jpeg[at + 1] = (byte) 0xFE;   // COM, length 2: nothing in it
            jpeg[at + 2] = 0;
            jpeg[at + 3] = 2;
        }
        assertThat(JpegIcc.of(jpeg, jpeg.length)).isEqualTo(JpegIcc.UNKNOWN);
    }

    static byte[] jpeg(byte[]... parts) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, concat(parts));
    }

    static byte[] segment(int marker, byte[] data) {
        int length = data.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, data);
    }

    static byte[] icc(int bytes) {
        return concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1}, filler(bytes));
    }

    static byte[] sos() {
        return concat(segment(0xDA, new byte[] {1, 1, 0, 0, 63, 0}), new byte[] {0x12, 0x34, (byte) 0xFF, (byte) 0xD9});
    }

    static byte[] filler(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
