package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.hasher.cli.HasherCliTest.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.md5.Md5;

/** Crafted and broken images: each keeps its MD5 row, gets one message, and no decoder runs out of memory. */
class CraftedImagesTest {
    @TempDir
    Path tmp;

    /** A PNG whose IHDR declares {@code width}×{@code height} RGBA pixels, with one tiny IDAT and IEND. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static void assertMd5RowAndOneMessage(String[] r, Path file, byte[] bytes, String message) {
        assertThat(r[0]).as("exit status").isEqualTo("1");
        assertThat(r[1]).contains(file + "\t" + Md5.hex(bytes) + "\t\t\n");
        assertThat(r[2].lines()).hasSize(1);
        assertThat(r[2]).startsWith("hasher: " + file + ": ").contains(message).contains("MD5 only")
                .doesNotContain("Exception").doesNotContain("OutOfMemory").doesNotContain("\tat ");
    }

    @Test
    void pngDeclaringTenBillionPixelsIsNotDecodedButKeepsItsMd5() throws Exception {
        byte[] bytes = pngDeclaring(100_000, 100_000);
        Path file = write("huge.png", bytes);
        String[] r = cli(file.toString());
        assertMd5RowAndOneMessage(r, file, bytes, "header declares 100000×100000 pixels, more than the bound of 100000000");
    }

    @Test
    void maxPixelsOptionSetsTheBoundCheckedBeforeDecoding() throws Exception {
        Path png = TestVectors.pdq().resolve("images/misc-images/c.png");
        TestVectors.Row row = TestVectors.row("images/misc-images/c.png");
        long pixels = Long.parseLong(row.get("width")) * Long.parseLong(row.get("height"));
        String[] refused = cli("--max-pixels=" + (pixels - 1), png.toString());
        assertMd5RowAndOneMessage(refused, png, Files.readAllBytes(png), "more than the bound of " + (pixels - 1) + " (--max-pixels)");
        String[] accepted = cli("--max-pixels=" + pixels, png.toString());
        assertThat(accepted[0]).isEqualTo("0");
        assertThat(accepted[1]).contains(row.get("md5") + "\t" + row.get("pdq_hex") + "\t" + row.get("quality"));
    }

    @Test
    void badMaxPixelsOrWebpDecoderIsAUsageError() {
        for (String bad : new String[] {"--max-pixels=0", "--max-pixels=-5", "--max-pixels=lots", "--webp-decoder=magick"}) {
            String[] r = cli(bad, "x.png");
            assertThat(r[0]).as(bad).isEqualTo("2");
            assertThat(r[2]).as(bad).containsAnyOf("--max-pixels must be", "--webp-decoder must be");
        }
    }

    @Test
    void truncatedJpegKeepsItsMd5AndSaysItCannotBeDecoded() throws Exception {
        byte[] whole = Files.readAllBytes(TestVectors.pdq().resolve("images/misc-images/small.jpg"));
        byte[] bytes = Arrays.copyOf(whole, 400);
        Path file = write("truncated.jpg", bytes);
        assertMd5RowAndOneMessage(cli(file.toString()), file, bytes, "cannot decode the image");
    }

    @Test
    void malformedWebpKeepsItsMd5WithEitherDecoder() throws Exception {
        ByteArrayOutputStream webp = new ByteArrayOutputStream();
        webp.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        webp.writeBytes(new byte[] {64, 0, 0, 0});
        webp.writeBytes("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        webp.writeBytes(new byte[] {52, 0, 0, 0});
        // A key frame tag, the start code 9d 01 2a, a 640×480 size, then garbage instead of partitions.
        webp.writeBytes(new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02, (byte) 0xe0, 0x01});
        for (int i = 0; i < 42; i++) {
            webp.write(0xA5);
        }
        byte[] bytes = webp.toByteArray();
        Path file = write("malformed.webp", bytes);
        assertMd5RowAndOneMessage(cli("--webp-decoder=java", file.toString()), file, bytes, "cannot decode the image");
        if (DwebpDecoder.available()) {
            assertMd5RowAndOneMessage(cli("--webp-decoder=dwebp", file.toString()), file, bytes, "cannot decode the image");
        }
    }

    @Test
    void aBrokenImageAmongGoodFilesStillLetsTheOthersPrint() throws Exception {
        Files.write(tmp.resolve("a-huge.png"), pngDeclaring(70_000, 70_000));
        Files.copy(TestVectors.pdq().resolve("images/misc-images/c.png"), tmp.resolve("b-good.png"));
        String[] r = cli("--json", "--recursive", tmp.toString());
        assertThat(r[0]).isEqualTo("1");
        String[] lines = r[1].split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("a-huge.png\",\"md5\":\"" + Md5.hex(pngDeclaring(70_000, 70_000)) + "\",\"pdq\":null");
        assertThat(lines[1]).contains("\"pdq\":\"" + TestVectors.row("images/misc-images/c.png").get("pdq_hex") + "\"");
    }
}
