package org.takeitdown.hasher.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.TestVectors;

/** Images and videos told apart by their first bytes: the shared vectors and hand-built headers. */
class MediaSnifferTest {
    static MediaFormat sniffFile(Path file) throws IOException {
        byte[] head = new byte[MediaSniffer.HEAD_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return MediaSniffer.sniff(head, n);
        }
    }

    static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestVectors.root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyVectorIsRecognisedByItsBytesAsItsExtensionSays() throws IOException {
        List<Path> files = vectorFiles();
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            MediaFormat expected = switch (ext) {
                case "jpg" -> MediaFormat.JPEG;
                case "png" -> MediaFormat.PNG;
                case "webp" -> MediaFormat.WEBP;
                case "mp4" -> MediaFormat.ISO_MEDIA;
                default -> MediaFormat.UNKNOWN;   // text, TSV, raw pixels and hash lists
            };
            assertThat(sniffFile(file)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void heicPhotosAreImagesAndPhoneVideosAreVideos() {
        assertThat(MediaSniffer.sniff(ftyp("heic", "mif1", "heic"), 32)).isEqualTo(MediaFormat.HEIF);
        assertThat(MediaSniffer.sniff(ftyp("mif1", "mif1", "heic", "miaf"), 36)).isEqualTo(MediaFormat.HEIF);
        assertThat(MediaSniffer.sniff(ftyp("heix", "mif1", "heix"), 32)).isEqualTo(MediaFormat.HEIF);
        assertThat(MediaSniffer.sniff(ftyp("hevc", "msf1", "hevc"), 32)).isEqualTo(MediaFormat.HEIF_SEQUENCE);
        assertThat(MediaSniffer.sniff(ftyp("msf1", "msf1", "hevc"), 32)).isEqualTo(MediaFormat.HEIF_SEQUENCE);
        assertThat(MediaSniffer.sniff(ftyp("qt  ", "qt  "), 24)).isEqualTo(MediaFormat.ISO_MEDIA);
        assertThat(MediaSniffer.sniff(ftyp("isom", "isom", "iso2", "avc1", "mp41"), 36)).isEqualTo(MediaFormat.ISO_MEDIA);
        assertThat(MediaSniffer.sniff(ftyp("mp42", "mp42", "isom", "mif1"), 32)).as("the major brand decides")
                .isEqualTo(MediaFormat.ISO_MEDIA);
        for (String brand : List.of("3gp4", "3gp5", "M4V ", "mp41", "iso6", "dash", "MSNV", "XAVC")) {
            assertThat(MediaSniffer.kind(ftyp(brand, "isom"), 24)).as(brand).isEqualTo(MediaKind.VIDEO);
        }
        assertThat(MediaSniffer.kind(ftyp("M4A ", "M4A ", "mp42", "isom"), 32)).as("audio only").isEqualTo(MediaKind.UNKNOWN);
    }

    @Test
    void avifStillsAndSequencesAreImages() {
        assertThat(MediaSniffer.sniff(ftyp("avif", "avif", "mif1", "miaf"), 32)).isEqualTo(MediaFormat.AVIF);
        assertThat(MediaSniffer.sniff(ftyp("mif1", "mif1", "avif"), 28)).isEqualTo(MediaFormat.AVIF);
        assertThat(MediaSniffer.sniff(ftyp("avis", "avif", "avis", "msf1", "miaf"), 36)).isEqualTo(MediaFormat.AVIF_SEQUENCE);
        assertThat(MediaSniffer.sniff(ftyp("msf1", "msf1", "avis"), 28)).isEqualTo(MediaFormat.AVIF_SEQUENCE);
        for (MediaFormat f : List.of(MediaFormat.AVIF, MediaFormat.AVIF_SEQUENCE, MediaFormat.HEIF, MediaFormat.HEIF_SEQUENCE)) {
            assertThat(f.kind()).isEqualTo(MediaKind.IMAGE);
        }
    }

    @Test
    void compatibleBrandsPastTheFtypBoxAreNotRead() {
        byte[] b = ftyp("mif1", "mif1");
        byte[] longer = Arrays.copyOf(b, b.length + 8);
        System.arraycopy(ascii("free"), 0, longer, b.length + 4, 4);
        System.arraycopy(ascii("avif"), 0, longer, b.length, 4);
        assertThat(MediaSniffer.sniff(longer, longer.length)).isEqualTo(MediaFormat.HEIF);
    }

    @Test
    void otherImageAndVideoContainersAreRecognised() {
        assertThat(MediaSniffer.sniff(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0), 10)).isEqualTo(MediaFormat.GIF);
        byte[] bmp = new byte[54];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[14] = 40;
        assertThat(MediaSniffer.sniff(bmp, bmp.length)).isEqualTo(MediaFormat.BMP);
        assertThat(MediaSniffer.sniff(bytes('I', 'I', 0x2A, 0, 8, 0, 0, 0), 8)).isEqualTo(MediaFormat.TIFF);
        assertThat(MediaSniffer.sniff(bytes('M', 'M', 0, 0x2A, 0, 0, 0, 8), 8)).isEqualTo(MediaFormat.TIFF);
        assertThat(MediaSniffer.sniff(bytes(0xFF, 0x0A, 0xFA, 0x7F), 4)).isEqualTo(MediaFormat.JPEG_XL);
        assertThat(MediaSniffer.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81), 8)).isEqualTo(MediaFormat.MATROSKA);
        byte[] avi = new byte[16];
        System.arraycopy(ascii("RIFF"), 0, avi, 0, 4);
        System.arraycopy(ascii("AVI LIST"), 0, avi, 8, 8);
        assertThat(MediaSniffer.sniff(avi, avi.length)).isEqualTo(MediaFormat.AVI);
        byte[] ts = new byte[MediaSniffer.HEAD_BYTES];
        for (int at = 0; at < ts.length; at += 188) {
            ts[at] = 0x47;
        }
        assertThat(MediaSniffer.sniff(ts, ts.length)).isEqualTo(MediaFormat.MPEG_TS);
        ts[376] = 0;
        assertThat(MediaSniffer.sniff(ts, ts.length)).as("a missing sync byte").isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(bytes(0, 0, 1, 0xBA, 0x44), 5)).isEqualTo(MediaFormat.MPEG_PS);
        assertThat(MediaSniffer.sniff(quicktimeWithoutFtyp(), 16)).isEqualTo(MediaFormat.QUICKTIME);
        assertThat(MediaSniffer.sniff(ascii("OggS\0\2\0\0"), 8)).as("Ogg: audio or video").isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(ascii("BM is a band"), 12)).as("BM then text").isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void truncatedHeadersAreUnknown() throws IOException {
        byte[] png = Files.readAllBytes(TestVectors.pdq().resolve("images/misc-images/c.png"));
        assertThat(MediaSniffer.sniff(png, 8)).isEqualTo(MediaFormat.PNG);
        assertThat(MediaSniffer.sniff(png, 7)).isEqualTo(MediaFormat.UNKNOWN);
        byte[] heic = ftyp("heic", "mif1", "heic");
        assertThat(MediaSniffer.sniff(heic, 11)).as("ftyp without its major brand").isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(ascii("RIFF\0\0\0\0WEB"), 11)).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(new byte[0], 0)).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(bytes(0xFF, 0xD8), 2)).isEqualTo(MediaFormat.UNKNOWN);
        byte[] ts = new byte[188];
        ts[0] = 0x47;
        assertThat(MediaSniffer.sniff(ts, ts.length)).as("one TS packet proves nothing").isEqualTo(MediaFormat.UNKNOWN);
    }

    /** An ftyp box: size, "ftyp", major brand, minor version 0, compatible brands. */
    static byte[] ftyp(String major, String... compatible) {
        byte[] b = new byte[16 + 4 * compatible.length];
        b[3] = (byte) b.length;
        System.arraycopy(ascii("ftyp"), 0, b, 4, 4);
        System.arraycopy(ascii(major), 0, b, 8, 4);
        for (int i = 0; i < compatible.length; i++) {
            System.arraycopy(ascii(compatible[i]), 0, b, 16 + 4 * i, 4);
        }
        return b;
    }

    private static byte[] quicktimeWithoutFtyp() {
        byte[] b = new byte[16];
        b[3] = 8;
        System.arraycopy(ascii("wide"), 0, b, 4, 4);
        System.arraycopy(ascii("mdat"), 0, b, 12, 4);
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
