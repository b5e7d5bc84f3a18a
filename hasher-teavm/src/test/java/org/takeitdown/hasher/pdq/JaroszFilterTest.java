package org.takeitdown.hasher.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JaroszFilterTest {
    private static float[] noise(long seed, int rows, int cols) {
        Random random = new Random(seed);
        float[] image = new float[rows * cols];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(256) * 0.587f + random.nextFloat();
        }
        return image;
    }

    /** The full-image blur then decimation: the reference's steps, as the oracle. */
    private static float[] fullThenDecimated(float[] image, int rows, int cols) {
        float[] copy = image.clone();
        JaroszFilter.filter(copy, rows, cols);
        float[] out = new float[64 * 64];
        Downsample.decimate(copy, rows, cols, out);
        return out;
    }

    private static float[] sampled(float[] image, int rows, int cols) {
        float[] out = new float[64 * 64];
        JaroszFilter.filterAndDecimate(image.clone(), rows, cols, out);
        return out;
    }

    @Test
    void sampledLastPassGivesTheFullBlursSamplesBitForBitOnRandomSizes() {
        Random sizes = new Random(2026);
        for (int i = 0; i < 150; i++) {
            int rows = 1 + sizes.nextInt(700);
            int cols = 1 + sizes.nextInt(700);
            float[] image = noise(sizes.nextLong(), rows, cols);
            assertThat(sampled(image, rows, cols)).as(rows + "x" + cols)
                    .containsExactly(fullThenDecimated(image, rows, cols));
        }
    }

    @Test
    void sampledLastPassMatchesOnThePhotoSizeAndTinyAndThinImages() {
        int[][] sizes = {{1004, 1600}, {1, 1}, {1, 3000}, {3000, 1}, {63, 65}, {64, 64}, {129, 257}, {5, 4}};
        for (int[] size : sizes) {
            float[] image = noise(size[0] * 31L + size[1], size[0], size[1]);
            assertThat(sampled(image, size[0], size[1])).as(size[0] + "x" + size[1])
                    .containsExactly(fullThenDecimated(image, size[0], size[1]));
        }
    }
}
