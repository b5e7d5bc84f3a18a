package org.takeitdown.hasher.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.NodeRunner;

/** {@code h264Range} in the TeaVM JavaScript under Node reads avcC records as the JVM does. */
class AvcSampleRangeJsParityTest {
    @Test
    void h264RangeInJavaScriptGivesTheJvmsRangeForTheSameRecord() {
        String full = AvcSampleRangeTest.YUVJ420P;
        List<String> records = new ArrayList<>(List.of(full, AvcSampleRangeTest.YUV420P,
                AvcSampleRangeTest.YUV420P_BT709, AvcSampleRangeTest.YUV420P10_PC, AvcSampleRangeTest.YUVJ444P_CQM,
                AvcSampleRangeTest.YUVJ420P_SAR_33_17, full.substring(0, full.length() - 20), "", "00"));
        List<String> expected = new ArrayList<>();
        for (String r : records) {
            expected.add(AvcSampleRange.of(HexFormat.of().parseHex(r)).name().toLowerCase(Locale.ROOT));
        }
        assertThat(expected).contains("full", "limited", "unspecified", "unknown");
        expected.add("array: h264Range needs the track's avcC record as a Uint8Array");
        assertThat(NodeRunner.run("h264-range", records.toArray(String[]::new))).isEqualTo(expected);
    }
}
