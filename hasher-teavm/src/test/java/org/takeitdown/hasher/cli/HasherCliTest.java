package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.Dihedral;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.pdq.PdqHasher;

class HasherCliTest {
    private static final Pattern NOTE_HASH = Pattern.compile("hash=([0-9a-f]{64}) quality=(\\d+)");
    private static Map<String, String[]> byFile;

    @TempDir
    Path tmp;

    /** Runs the CLI in-process: exit code, stdout, stderr. */
    static String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new HasherCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @BeforeAll
    static void hashVectorImages() {
        String[] r = cli("--recursive", TestVectors.pdq().resolve("images").toString());
        assertThat(r[2]).isEmpty();
        assertThat(r[0]).isEqualTo("0");
        byFile = new HashMap<>();
        String[] lines = r[1].split("\n");
        assertThat(lines[0]).isEqualTo("path\tmd5\tpdq\tquality");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            String rel = TestVectors.pdq().relativize(Path.of(cells[0])).toString().replace('\\', '/');
            byFile.put(rel, cells);
        }
    }

    private static String[] cells(String file) {
        assertThat(byFile).containsKey(file);
        return byFile.get(file);
    }

    @Test
    void everyExactRowMatchesTheReferenceExceptTheDocumentedDecodingChoices() {
        int exact = 0;
        for (TestVectors.Row row : TestVectors.expected()) {
            String[] c = cells(row.file());
            assertThat(c[1]).as("md5 " + row.file()).isEqualTo(row.get("md5"));
            if (!row.exactClass() || row.file().matches(".*exif-rotn-[368]\\.jpg")) {
                continue;
            }
            int distance = PdqHash.distance(c[2], row.get("pdq_hex"));
            if (row.get("note").contains("ICC profile") && distance != 0) {
                System.out.println("ICC profile ignored: " + row.file() + " differs by " + distance + " bits");
                assertThat(distance).as(row.file()).isLessThanOrEqualTo(10);
                continue;
            }
            assertThat(c[2]).as(row.file()).isEqualTo(row.get("pdq_hex"));
            assertThat(c[3]).as(row.file()).isEqualTo(row.get("quality"));
            exact++;
        }
        assertThat(exact).isGreaterThanOrEqualTo(35);
    }

    @Test
    void greyPngsGiveTheRawGreyValueHashFromTheirNotes() {
        for (String f : List.of("images/misc-images/modes/L.png", "images/misc-images/modes/LA.png")) {
            Matcher m = NOTE_HASH.matcher(TestVectors.row(f).get("note"));
            assertThat(m.find()).isTrue();
            assertThat(cells(f)[2]).as(f).isEqualTo(m.group(1));
            assertThat(cells(f)[3]).as(f).isEqualTo(m.group(2));
        }
    }

    @Test
    void exifRotatedPhotosAreHashedUpright() throws Exception {
        Map<String, Dihedral> expectedVariant = Map.of(
                "exif-rotn-3.jpg", Dihedral.ROTATE_180,
                "exif-rotn-6.jpg", Dihedral.ROTATE_270,
                "exif-rotn-8.jpg", Dihedral.ROTATE_90);
        for (Map.Entry<String, Dihedral> e : expectedVariant.entrySet()) {
            Path file = TestVectors.pdq().resolve("images/reg-test-input/exif-rotn/" + e.getKey());
            DecodedImage stored = ImageDecoder.pixels(ImageIO.read(file.toFile()));
            PdqHash[] variants = PdqHasher.dihedral(stored.rgba(), stored.width(), stored.height(), 4);
            String cliHash = cells("images/reg-test-input/exif-rotn/" + e.getKey())[2];
            int d = PdqHash.fromHex(cliHash).distance(variants[e.getValue().ordinal()]);
            System.out.println(e.getKey() + " upright vs " + e.getValue() + " of stored pixels: " + d + " bits");
            assertThat(d).as(e.getKey()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void dihedralTransformsOfThePhotoAreWithinTenBitsOfTheMatchingVariant() {
        String dir = "images/reg-test-input/dih/";
        PdqHash[] variants = variantsOf(TestVectors.pdq().resolve(dir + "bridge-1-original.jpg"));
        String[] files = {"bridge-1-original.jpg", "bridge-2-rotate-90.jpg", "bridge-3-rotate-180.jpg",
            "bridge-4-rotate-270.jpg", "bridge-5-flipx.jpg", "bridge-6-flipy.jpg", "bridge-7-flip-plus-1.jpg",
            "bridge-8-flip-minus-1.jpg"};
        for (int i = 0; i < files.length; i++) {
            int d = PdqHash.fromHex(cells(dir + files[i])[2]).distance(variants[i]);
            assertThat(d).as(files[i]).isLessThanOrEqualTo(10);
        }
    }

    private static PdqHash[] variantsOf(Path file) {
        try {
            DecodedImage img = ImageDecoder.decode(Files.readAllBytes(file));
            return PdqHasher.dihedral(img.rgba(), img.width(), img.height(), 4);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void webpIsDecodedAndMatchesTheSamePicture() {
        String webp = cells("images/misc-images/modes/PA.webp")[2];
        String original = cells("images/misc-images/modes/original.jpg")[2];
        assertThat(PdqHash.distance(webp, original)).isLessThanOrEqualTo(10);
    }

    @Test
    void corruptFileIsOneClearErrorLineWhileOthersStillPrint() throws Exception {
        Files.write(tmp.resolve("a-broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Files.writeString(tmp.resolve("b-notes.txt"), "not an image");
        Files.write(tmp.resolve("c-empty"), new byte[0]);
        String[] r = cli("--recursive", tmp.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2].lines()).hasSize(1);
        assertThat(r[2]).startsWith("hasher: " + tmp.resolve("a-broken.jpg") + ": cannot decode the image")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r[1]).contains("b-notes.txt\t" + org.takeitdown.hasher.md5.Md5.hex("not an image".getBytes()) + "\t\t")
                .contains("c-empty\td41d8cd98f00b204e9800998ecf8427e\t\t");
    }

    @Test
    void cliMd5OnTheJvmEqualsThePortableMd5TheBrowserRuns() throws Exception {
        java.util.Random random = new java.util.Random(16);
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, (1 << 20) - 1, (1 << 20) + 1, 3 * (1 << 20) + 17,
                9 * (1 << 20) + 63}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            if (size > 0) {
                data[0] = 0;
            }
            Path file = Files.write(tmp.resolve("random-" + size + ".bin"), data);
            assertThat(FileHasher.hash(file).md5).as("size " + size).isEqualTo(org.takeitdown.hasher.md5.Md5.hex(data));
        }
        List<Path> vectors;
        try (Stream<Path> files = Files.walk(TestVectors.root())) {
            vectors = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(vectors).as("every file of the test vectors, images, pixels and videos").hasSizeGreaterThan(60);
        for (Path vector : vectors) {
            assertThat(FileHasher.hash(vector).md5).as(vector.toString())
                    .isEqualTo(org.takeitdown.hasher.md5.Md5.hex(Files.readAllBytes(vector)));
        }
    }

    @Test
    void recognisesImagesByContentNotName() throws Exception {
        Path disguised = tmp.resolve("holiday.txt");
        Files.copy(TestVectors.pdq().resolve("images/misc-images/c.png"), disguised);
        String[] r = cli(disguised.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains(TestVectors.row("images/misc-images/c.png").get("pdq_hex"));
    }

    @Test
    void jsonModePrintsOneObjectPerFile() throws Exception {
        Files.writeString(tmp.resolve("x \"q\".bin"), "abc");
        String[] r = cli("--json", tmp.resolve("x \"q\".bin").toString(),
                TestVectors.pdq().resolve("images/misc-images/wee.jpg").toString());
        String[] lines = r[1].split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).endsWith("x \\\"q\\\".bin\",\"md5\":\"900150983cd24fb0d6963f7d28e17f72\",\"pdq\":null,\"quality\":null}");
        assertThat(lines[1]).contains("\"pdq\":\"" + TestVectors.row("images/misc-images/wee.jpg").get("pdq_hex") + "\"")
                .contains("\"quality\":100");
    }

    @Test
    void folderWithoutRecursiveAndMissingFileAreErrors() {
        String[] r = cli(tmp.toString(), tmp.resolve("nope.jpg").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("is a folder (use --recursive").contains("nope.jpg: no such file");
    }

    @Test
    void unknownOptionOrNoPathIsUsageError() {
        assertThat(cli("--frobnicate", "x")[0]).isEqualTo("2");
        assertThat(cli()[0]).isEqualTo("2");
        assertThat(cli("--help")[1]).contains("usage:");
    }

    @Test
    void videoOptionPrintsFramesInJsonAndWritesTheReferenceTextForm() throws Exception {
        Path clip = TestVectors.video("doorknob-hd-no-bar");
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "not a video");
        String[] r = cli("--video", "--json", "--decoder=jcodec", "--vpdq-out=" + tmp, clip.toString(), notes.toString());
        assertThat(r[2]).isEmpty();
        assertThat(r[0]).isEqualTo("0");
        String[] lines = r[1].split("\n");
        assertThat(lines[0]).contains("\"vpdq\":[{\"t\":0.000,\"pdq\":\"").contains("\"md5\":\"9108849f0d0bb6d3c40844f4eb72767b\"");
        assertThat(lines[0].split("\"pdq\":\"", -1)).hasSize(5);
        assertThat(lines[1]).endsWith("\"vpdq\":null}");
        List<org.takeitdown.hasher.vpdq.VpdqFrame> written = org.takeitdown.hasher.vpdq.VpdqText.parse(
                Files.readString(tmp.resolve("doorknob-hd-no-bar.mp4.txt")));
        assertThat(written).extracting(org.takeitdown.hasher.vpdq.VpdqFrame::frameNumber).containsExactly(0, 30, 60, 90);
        assertThat(lines[0]).contains(written.get(2).hash().toHex());
    }

    @Test
    void videoOptionAddsAFrameCountColumnAndExplainsBadChoices() throws Exception {
        Path fake = tmp.resolve("fake.mp4");
        Files.write(fake, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3, 4, 5, 6, 7});
        String[] r = cli("--video", "--decoder=jcodec", fake.toString());
        assertThat(r[1]).startsWith("path\tmd5\tpdq\tquality\tvpdq_frames\n");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).startsWith("hasher: " + fake + ": JCodec cannot");
        String[] bad = cli("--decoder=vlc", fake.toString());
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("decoder must be auto, ffmpeg or jcodec");
        assertThat(cli("--vpdq-out=" + tmp.resolve("missing"), fake.toString())[2])
                .contains("--vpdq-out must name an existing folder");
    }
}
