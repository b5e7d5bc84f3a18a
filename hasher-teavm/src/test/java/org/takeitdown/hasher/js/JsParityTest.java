package org.takeitdown.hasher.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.GeneratedImages;
import org.takeitdown.hasher.NodeRunner;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;

/** The TeaVM JavaScript under Node gives the same bits as the JVM and the reference. */
class JsParityTest {
    @TempDir
    Path tmp;

    @Test
    void pixelVectorsGiveTheReferenceHashesInJavaScript() {
        List<TestVectors.Row> rows = new ArrayList<>();
        for (TestVectors.Row r : TestVectors.expected()) {
            if (!r.get("rgba_file").isEmpty()) {
                rows.add(r);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (TestVectors.Row row : rows) {
            List<String> out = NodeRunner.run("pdq", TestVectors.pdq().resolve(row.get("rgba_file")).toString(),
                    row.get("width"), row.get("height"));
            assertThat(out.get(0)).as(row.file()).isEqualTo(row.get("pdq_hex") + " " + row.get("quality"));
            String[] dihedral = out.get(1).split(" ");
            assertThat(dihedral).hasSize(8);
            assertThat(dihedral[0]).isEqualTo(row.get("pdq_hex"));
        }
    }

    @Test
    void dihedralVariantsAgreeWithTheJvm() throws IOException {
        TestVectors.Row row = TestVectors.row("images/misc-images/c.png");
        Path file = TestVectors.pdq().resolve(row.get("rgba_file"));
        int w = TestVectors.intCell(row, "width");
        int h = TestVectors.intCell(row, "height");
        PdqHash[] jvm = PdqHasher.dihedral(Files.readAllBytes(file), w, h, 4);
        String[] js = NodeRunner.run("pdq", file.toString(), "" + w, "" + h).get(1).split(" ");
        for (int i = 0; i < 8; i++) {
            assertThat(js[i]).as("variant %d", i).isEqualTo(jvm[i].toHex());
        }
    }

    @Test
    void fiveHundredGeneratedImagesHashIdenticallyOnTheJvmAndInJavaScript() throws IOException {
        List<GeneratedImages.Image> images = GeneratedImages.make(520, 20261125L);
        Path batch = tmp.resolve("images.bin");
        List<String> expected = new ArrayList<>();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(batch), 1 << 20))) {
            for (GeneratedImages.Image img : images) {
                out.writeInt(Integer.reverseBytes(img.width));
                out.writeInt(Integer.reverseBytes(img.height));
                out.write(img.rgba);
                PdqResult r = PdqHasher.hash(img.rgba, img.width, img.height, 4);
                expected.add(r.hash().toHex() + " " + r.quality());
            }
        }
        List<String> js = NodeRunner.run("pdq-batch", batch.toString());
        assertThat(js).hasSize(images.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (!js.get(i).equals(expected.get(i))) {
                mismatches.add(images.get(i).label + ": jvm " + expected.get(i) + " js " + js.get(i));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(images.stream().mapToInt(i -> i.width).max().getAsInt()).isEqualTo(3000);
        assertThat(images.stream().filter(i -> i.width * i.height == 1).count()).isPositive();
    }

    @Test
    void md5InJavaScriptEqualsMessageDigestWholeAndStreamed() throws Exception {
        Random rnd = new Random(7);
        Path file = tmp.resolve("md5.bin");
        List<String> expected = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            int[] lengths = {0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4096, 100_000, 1_000_003};
            for (int n : lengths) {
                byte[] data = new byte[n];
                rnd.nextBytes(data);
                out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
                out.write(data);
                String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
                expected.add(md5 + " " + md5);
            }
        }
        assertThat(NodeRunner.run("md5-batch", file.toString())).containsExactlyElementsOf(expected);
    }

    @Test
    void badArgumentsThrowJavaScriptErrorsWithClearMessages() {
        List<String> out = NodeRunner.run("errors");
        assertThat(out).contains(
                "wrongLength: Error: pixel array has 64 bytes but 4x5 pixels of 4 bytes need 80",
                "zeroSize: Error: width and height must be at least 1, got 0x0",
                "notTyped: Error: pixels must be a Uint8ClampedArray or Uint8Array of RGBA bytes",
                "fractionalWidth: Error: width and height must be whole numbers",
                "dihedralWrongLength: Error: pixel array has 64 bytes but 3x3 pixels of 4 bytes need 36",
                "malformedHex: Error: PDQ hash must be exactly 64 hex digits, got 3 characters",
                "shortHex: Error: PDQ hash must be exactly 64 hex digits, got 63 characters",
                "notString: Error: hamming needs two strings of 64 hex digits",
                "md5NotBytes: Error: update needs a Uint8Array",
                "updateAfterFinish: Error: this MD5 was already finished; call md5Start() again",
                "hammingMixedCase: 0");
    }
}
