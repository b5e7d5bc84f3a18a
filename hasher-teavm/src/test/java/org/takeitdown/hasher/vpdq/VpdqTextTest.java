package org.takeitdown.hasher.vpdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.PdqHash;

class VpdqTextTest {
    @Test
    void readsAndWritesTheReferenceFilesUnchanged() {
        for (String name : List.of("chair-orig-22-sd-bar", "doorknob-hd-no-bar", "pattern-sd-grey-bar")) {
            String text = TestVectors.referenceVpdq(name);
            List<VpdqFrame> frames = VpdqText.parse(text);
            assertThat(frames).isNotEmpty();
            assertThat(VpdqText.format(frames)).isEqualTo(text.endsWith("\n") ? text : text + "\n");
        }
    }

    @Test
    void parsesEachField() {
        VpdqFrame f = VpdqText.parse("7,88," + "AB".repeat(32) + ",0.233\n").get(0);
        assertThat(f.frameNumber()).isEqualTo(7);
        assertThat(f.quality()).isEqualTo(88);
        assertThat(f.hash()).isEqualTo(PdqHash.fromHex("ab".repeat(32)));
        assertThat(f.timestampSeconds()).isEqualTo(0.233);
    }

    @Test
    void rejectsBadLinesNamingTheLine() {
        String good = "0,100," + "0".repeat(64) + ",0.000\n";
        assertThatThrownBy(() -> VpdqText.parse(good + "1,100,xyz,1.0\n"))
                .hasMessageStartingWith("line 2: ");
        assertThatThrownBy(() -> VpdqText.parse(good + "1,101," + "0".repeat(64) + ",1.0"))
                .hasMessageContaining("quality must be 0..100");
        assertThatThrownBy(() -> VpdqText.parse("1,100," + "0".repeat(64)))
                .hasMessageContaining("expected frameNumber,quality,pdqHex,timestampSeconds");
        assertThatThrownBy(() -> VpdqText.parse("1,100," + "0".repeat(64) + ",soon"))
                .hasMessageContaining("timestamp is not a number");
        assertThatThrownBy(() -> VpdqText.parse("1,100," + "0".repeat(64) + ",-1"))
                .hasMessageContaining("timestamp must be");
    }
}
