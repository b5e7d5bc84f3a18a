package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.GeneratedImages;
import org.takeitdown.hasher.TestVectors;

class PdqVectorsTest {
    static List<TestVectors.Row> pixelRows() {
        List<TestVectors.Row> rows = TestVectors.expected().stream()
                .filter(r -> !r.get("rgba_file").isEmpty()).collect(Collectors.toList());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        return rows;
    }

    @ParameterizedTest
    @MethodSource("pixelRows")
    void pixelFileGivesTheReferenceHashAndQuality(TestVectors.Row row) throws Exception {
        byte[] rgba = Files.readAllBytes(TestVectors.pdq().resolve(row.get("rgba_file")));
        PdqResult r = PdqHasher.hash(rgba, TestVectors.intCell(row, "width"), TestVectors.intCell(row, "height"), 4);
        assertThat(r.hash().toHex()).isEqualTo(row.get("pdq_hex"));
        assertThat(r.quality()).isEqualTo(TestVectors.intCell(row, "quality"));
    }

    @ParameterizedTest
    @MethodSource("pixelRows")
    void rgbInputHashesLikeRgba(TestVectors.Row row) throws Exception {
        byte[] rgba = Files.readAllBytes(TestVectors.pdq().resolve(row.get("rgba_file")));
        byte[] rgb = new byte[rgba.length / 4 * 3];
        for (int i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        PdqResult r = PdqHasher.hash(rgb, TestVectors.intCell(row, "width"), TestVectors.intCell(row, "height"), 3);
        assertThat(r.hash().toHex()).isEqualTo(row.get("pdq_hex"));
    }

    @ParameterizedTest
    @MethodSource("pixelRows")
    void firstDihedralIsTheHashAndRotationsDiffer(TestVectors.Row row) throws Exception {
        byte[] rgba = Files.readAllBytes(TestVectors.pdq().resolve(row.get("rgba_file")));
        PdqHash[] d = PdqHasher.dihedral(rgba, TestVectors.intCell(row, "width"), TestVectors.intCell(row, "height"), 4);
        assertThat(d).hasSize(8);
        assertThat(d[0].toHex()).isEqualTo(row.get("pdq_hex"));
        for (int i = 1; i < 8; i++) {
            assertThat(d[i].distance(d[0])).as("variant %d", i).isGreaterThan(32);
        }
    }

    /**
     * The pixels as little-endian words in a direct buffer bigger than the image, handed out as the WebAssembly
     * build's linear memory hands them out; the words past the image are not the image's.
     */
    private static RgbaWords wordsOutsideTheHeap(byte[] rgba) {
        IntBuffer words = ByteBuffer.allocateDirect(rgba.length + 4096).order(ByteOrder.LITTLE_ENDIAN)
                .put(rgba).rewind().asIntBuffer();
        words.put(rgba.length / 4, 0x12345678);
        int length = rgba.length / 4;
        return new RgbaWords() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public void copy(int from, int[] into, int count) {
                words.get(from, into, 0, count);
            }
        };
    }

    @ParameterizedTest
    @MethodSource("pixelRows")
    void wordsOutsideTheHeapGiveTheReferenceHash(TestVectors.Row row) throws Exception {
        byte[] rgba = Files.readAllBytes(TestVectors.pdq().resolve(row.get("rgba_file")));
        PdqResult r = PdqHasher.hashRgbaWords(wordsOutsideTheHeap(rgba), TestVectors.intCell(row, "width"),
                TestVectors.intCell(row, "height"));
        assertThat(r.hash().toHex()).isEqualTo(row.get("pdq_hex"));
        assertThat(r.quality()).isEqualTo(TestVectors.intCell(row, "quality"));
    }

    @Test
    void wordsOutsideTheHeapHashLikeBytesOnGeneratedImages() {
        for (GeneratedImages.Image image : GeneratedImages.make(60, 16)) {
            PdqResult bytes = PdqHasher.hash(image.rgba, image.width, image.height, 4);
            PdqResult words = PdqHasher.hashRgbaWords(wordsOutsideTheHeap(image.rgba), image.width, image.height);
            assertThat(words.hash()).as(image.label).isEqualTo(bytes.hash());
            assertThat(words.quality()).as(image.label).isEqualTo(bytes.quality());
        }
    }

    @Test
    void wordsOutsideTheHeapOfTheWrongLengthAreRefused() {
        RgbaWords words = wordsOutsideTheHeap(new byte[4 * 6]);
        assertThatThrownBy(() -> PdqHasher.hashRgbaWords(words, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 bytes");
    }
}
