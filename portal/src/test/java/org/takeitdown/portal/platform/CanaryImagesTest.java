package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Canary pictures hash like photos: PDQ quality 100 and 128 set bits, every one. */
class CanaryImagesTest {
    private static final int PICTURES = 60;

    @Test
    void everyGeneratedPictureScoresQuality100AndSets128Bits() {
        Random random = new Random(42);
        for (int i = 0; i < PICTURES; i++) {
            CanaryImages.Hashed h = CanaryImages.generate(random);
            assertThat(h.quality()).as("quality of picture %d", i).isEqualTo(CanaryService.QUALITY);
            assertThat(new BigInteger(h.pdq(), 16).bitCount()).as("set bits of picture %d", i).isEqualTo(CanaryService.BITS);
        }
    }
}
