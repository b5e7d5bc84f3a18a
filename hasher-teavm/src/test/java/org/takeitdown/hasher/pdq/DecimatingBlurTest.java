package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatingBlurTest {
    @Test
    void readsEachLumaRowOnceInOrderAndNeverHoldsTheImage() {
        int rows = 1004;
        int cols = 1600;
        Random random = new Random(16);
        float[] image = new float[rows * cols];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(256) * 0.587f;
        }
        List<Integer> requested = new ArrayList<>();
        int[] largestBuffer = {0};
        LumaRows source = LumaRows.of(image, cols);
        LumaRows recording = (first, count, out, at) -> {
            for (int r = first; r < first + count; r++) {
                requested.add(r);
            }
            largestBuffer[0] = Math.max(largestBuffer[0], out.length);
            source.fill(first, count, out, at);
        };
        DecimatingBlur.filterAndDecimate(recording, rows, cols, new float[64 * 64]);
        List<Integer> everyRowOnce = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            everyRowOnce.add(r);
        }
        assertThat(requested).isEqualTo(everyRowOnce);
        assertThat(largestBuffer[0]).as("floats in the buffer luma is written to").isLessThan(32 * cols);
    }
}
