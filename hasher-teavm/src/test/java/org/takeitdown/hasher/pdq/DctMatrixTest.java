package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DctMatrixTest {
    @Test
    void literalTableEqualsTheReferenceFormulaOnThisJvm() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[] table = DctMatrix.values();
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float expected = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
                assertThat(Float.floatToIntBits(table[i * 64 + j])).as("(%d,%d)", i, j)
                        .isEqualTo(Float.floatToIntBits(expected));
            }
        }
    }
}
