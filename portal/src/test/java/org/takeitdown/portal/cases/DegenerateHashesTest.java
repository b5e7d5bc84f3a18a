package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.portal.web.Vectors;

/** The deny-list and the bit-count rule refuse hashes of no picture and accept every real one measured. */
class DegenerateHashesTest {
    private static PdqResult flat(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 4];
        for (int p = 0; p < px.length; p += 4) {
            px[p] = (byte) r;
            px[p + 1] = (byte) g;
            px[p + 2] = (byte) b;
            px[p + 3] = (byte) 255;
        }
        return PdqHasher.hash(px, w, h, 4);
    }

    /** A PDQ with its lowest {@code n} bits set. */
    private static String withBits(int n) {
        return String.format("%064x", java.math.BigInteger.ONE.shiftLeft(n).subtract(java.math.BigInteger.ONE));
    }

    @Test
    void emptyFileMd5IsRfc1321sValueAndRefused() {
        assertThat(DegenerateHashes.md5Refusal("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo("an empty file");
        assertThat(DegenerateHashes.md5Refusal("68b329da9893e34099c7d8ad5cb9c940")).isEqualTo("a file of one line break");
        assertThat(DegenerateHashes.md5Refusal("d35c785545392755e7e4164457657269")).as("a real photo").isNull();
    }

    @Test
    void listedTrackingGifIsATransparentOneByOnePixel() throws Exception {
        byte[] gif = DegenerateHashes.FILES.get("a 1×1 transparent GIF (a common 42-byte web tracking pixel)");
        assertThat(gif).hasSize(42);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(gif));
        assertThat(image.getWidth()).isEqualTo(1);
        assertThat(image.getHeight()).isEqualTo(1);
        assertThat(image.getRGB(0, 0) >>> 24).as("alpha").isZero();
    }

    @Test
    void listedFlatImagePdqsAreWhatTheHasherGivesForFlatImagesOfAnySize() {
        for (int[] size : new int[][] {{1, 1}, {64, 64}, {1920, 1080}, {100, 37}}) {
            assertThat(flat(size[0], size[1], 255, 255, 255).hash().toHex()).isEqualTo(DegenerateHashes.PDQS.get("a flat white image"));
            assertThat(flat(size[0], size[1], 128, 128, 128).hash().toHex()).isEqualTo(DegenerateHashes.PDQS.get("a flat mid-grey image"));
            assertThat(flat(size[0], size[1], 0, 0, 0).hash().toHex()).isEqualTo(DegenerateHashes.PDQS.get("a black image (all bits clear)"));
        }
    }

    @Test
    void flatImagesAndHashesNearThemAreRefused() {
        for (int[] c : new int[][] {{0, 0, 0}, {255, 255, 255}, {128, 128, 128}, {250, 250, 250}}) {
            String pdq = flat(300, 200, c[0], c[1], c[2]).hash().toHex();
            assertThat(DegenerateHashes.pdqRefusal(pdq)).as("flat %s", java.util.Arrays.toString(c)).isNotNull();
        }
        String nearWhite = flipped(DegenerateHashes.PDQS.get("a flat white image"), 31);
        assertThat(DegenerateHashes.pdqRefusal(nearWhite)).contains("within 31 bits of the PDQ of a flat white image");
        assertThat(DegenerateHashes.pdqRefusal("f".repeat(64))).isNotNull();
    }

    private static String flipped(String hex, int bits) {
        java.math.BigInteger v = new java.math.BigInteger(hex, 16);
        for (int i = 0; i < bits; i++) {
            v = v.flipBit(i * 8 + 3);
        }
        return String.format("%064x", v);
    }

    @Test
    void bitCountsOutside64To128AreRefusedAndInsideAccepted() {
        for (int n : new int[] {0, 1, 40, 63, 129, 150, 193, 256}) {
            String pdq = withBits(n);
            assertThat(DegenerateHashes.bitCount(PdqHash.fromHex(pdq))).isEqualTo(n);
            assertThat(DegenerateHashes.pdqRefusal(pdq)).as("%d bits", n).isNotNull();
        }
        for (int n : new int[] {64, 100, 128}) {
            String pdq = withBits(n);
            assertThat(DegenerateHashes.bitCount(PdqHash.fromHex(pdq))).isEqualTo(n);
            if (n >= 100) {
                assertThat(DegenerateHashes.pdqRefusal(pdq)).as("%d bits", n).isNull();
            }
        }
        assertThat(DegenerateHashes.pdqRefusal(withBits(63))).contains("sets 63 of 256 bits");
        assertThat(DegenerateHashes.pdqRefusal(withBits(129))).contains("sets 129 of 256 bits");
    }

    @Test
    void everyVectorPdqAndReferencePdqIsAccepted() throws Exception {
        Path tsv = Vectors.file("pdq/expected.tsv");
        List<String> lines = Files.readAllLines(tsv);
        List<String> header = List.of(lines.get(0).split("\t"));
        int ours = header.indexOf("pdq_hex");
        int reference = header.indexOf("cpp_ref_pdq_hex");
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            for (int col : new int[] {ours, reference}) {
                if (col < f.length && f[col].length() == 64) {
                    assertThat(DegenerateHashes.pdqRefusal(f[col])).as(f[0]).isNull();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(50);
    }

    @Test
    void noiseImagesOfUsableQualityAreAccepted() {
        Random random = new Random(7);
        List<String> measured = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int w = 2 + random.nextInt(300);
            int h = 2 + random.nextInt(300);
            byte[] px = new byte[w * h * 4];
            random.nextBytes(px);
            PdqResult r = PdqHasher.hash(px, w, h, 4);
            if (r.quality() >= HashRules.PDQ_MIN_QUALITY) {
                measured.add(r.hash().toHex());
                assertThat(DegenerateHashes.pdqRefusal(r.hash().toHex())).as("noise %dx%d", w, h).isNull();
            }
        }
        assertThat(measured).hasSizeGreaterThan(30);
    }
}
