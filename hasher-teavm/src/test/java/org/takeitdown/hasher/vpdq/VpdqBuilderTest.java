package org.takeitdown.hasher.vpdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.pdq.PdqHasher;

class VpdqBuilderTest {
    private static byte[] picture(long seed) {
        byte[] rgb = new byte[64 * 48 * 3];
        new Random(seed).nextBytes(rgb);
        return rgb;
    }

    @Test
    void hashesOneFrameASecondAndDropsExactRepeats() {
        VpdqBuilder b = new VpdqBuilder();
        byte[][] content = {picture(1), picture(2), picture(1), picture(3)};
        int taken = 0;
        for (int i = 0; i < 120; i++) {
            if (b.wants(i / 30.0)) {
                b.hash(content[taken++], 64, 48, 3);
            }
        }
        assertThat(taken).isEqualTo(4);
        assertThat(b.framesSeen()).isEqualTo(120);
        List<VpdqFrame> frames = b.frames();
        assertThat(frames).extracting(VpdqFrame::frameNumber).containsExactly(0, 30, 90);
        assertThat(frames).extracting(VpdqFrame::timestampSeconds).containsExactly(0.0, 1.0, 3.0);
        assertThat(frames.get(1).hash()).isEqualTo(PdqHasher.hash(picture(2), 64, 48, 3).hash());
        assertThat(frames.get(1).quality()).isEqualTo(PdqHasher.hash(picture(2), 64, 48, 3).quality());
    }

    @Test
    void refusesPixelsNobodyAskedFor() {
        VpdqBuilder b = new VpdqBuilder();
        assertThatThrownBy(() -> b.hash(picture(1), 64, 48, 3)).isInstanceOf(IllegalStateException.class);
        assertThat(b.wants(0)).isTrue();
        assertThatThrownBy(() -> b.wants(0.5)).isInstanceOf(IllegalStateException.class);
    }
}
