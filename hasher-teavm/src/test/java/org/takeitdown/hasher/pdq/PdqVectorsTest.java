package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
}
