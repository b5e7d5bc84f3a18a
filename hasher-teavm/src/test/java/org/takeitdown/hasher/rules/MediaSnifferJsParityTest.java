package org.takeitdown.hasher.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.NodeRunner;

/** {@code sniff} and {@code rules} in the TeaVM JavaScript under Node answer as the JVM does. */
class MediaSnifferJsParityTest {
    @TempDir
    Path tmp;

    @Test
    void sniffInJavaScriptGivesTheJvmsKindForTheSameBytes() throws IOException {
        List<Path> files = new ArrayList<>(MediaSnifferTest.vectorFiles());
        List<byte[]> headers = List.of(
                MediaSnifferTest.ftyp("heic", "mif1", "heic"), MediaSnifferTest.ftyp("hevc", "msf1", "hevc"),
                MediaSnifferTest.ftyp("avif", "avif", "mif1", "miaf"), MediaSnifferTest.ftyp("avis", "avif", "avis", "msf1"),
                MediaSnifferTest.ftyp("mif1", "mif1", "avif"), MediaSnifferTest.ftyp("qt  ", "qt  "),
                MediaSnifferTest.ftyp("M4A ", "M4A ", "isom"), Arrays.copyOf(MediaSnifferTest.ftyp("heic", "mif1"), 11),
                MediaSnifferTest.ascii("II*\0\10\0\0\0"), MediaSnifferTest.ascii("\u001aE\u00df\u00a3"),
                MediaSnifferTest.ascii("BM is a band"), MediaSnifferTest.ascii("OggS\0\2\0\0"), new byte[0]);
        for (int i = 0; i < headers.size(); i++) {
            Path f = tmp.resolve("header-" + i);
            Files.write(f, headers.get(i));
            files.add(f);
        }
        List<String> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(MediaSnifferTest.sniffFile(f).kind().jsName());
        }
        assertThat(expected).contains("image", "video", "unknown");
        List<String> js = NodeRunner.run("sniff", files.stream().map(Path::toString).toArray(String[]::new));
        assertThat(js).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(js.get(i)).as(files.get(i).toString()).isEqualTo(expected.get(i));
        }
    }

    @Test
    void rulesInJavaScriptAreTheJavaConstants() {
        assertThat(NodeRunner.run("rules")).containsExactly("{\"pdqMinQuality\":" + HashRules.PDQ_MIN_QUALITY
                + ",\"vpdqMaxFrames\":" + HashRules.VPDQ_MAX_FRAMES + ",\"sniffBytes\":" + MediaSniffer.HEAD_BYTES + ",\"jpegHeadBytes\":" + JpegIcc.HEAD_BYTES + "}");
    }
}
