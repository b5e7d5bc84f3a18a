package org.takeitdown.hasher.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.NodeRunner;

/** {@code convertsFrame} in the TeaVM JavaScript accepts exactly the formats {@link PixelFormat} converts. */
class PixelFormatJsParityTest {
    @Test
    void convertsFrameInJavaScriptAcceptsEveryPixelFormatAndNothingElse() {
        List<String> names = new ArrayList<>();
        for (PixelFormat f : PixelFormat.values()) {
            names.add(f.name());
        }
        names.addAll(List.of("I420P12", "I444AP10", "NV12A", "i420", "yuv420p"));
        List<String> expected = new ArrayList<>();
        for (String n : names) {
            expected.add(n + ": " + (PixelFormat.ofWebCodecs(n) != null));
        }
        expected.add("null: false");
        assertThat(expected).contains("I420: true", "BGRX: true", "I420P12: false", "yuv420p: false");
        assertThat(NodeRunner.run("converts-frame", names.toArray(String[]::new))).isEqualTo(expected);
    }
}
