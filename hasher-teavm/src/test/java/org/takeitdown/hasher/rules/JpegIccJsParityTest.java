package org.takeitdown.hasher.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.NodeRunner;

/** {@code jpegIcc} in the TeaVM JavaScript under Node answers as the JVM does. */
class JpegIccJsParityTest {
    @TempDir
    Path tmp;

    @Test
    void jpegIccInJavaScriptGivesTheJvmsAnswerForTheSameBytes() throws IOException {
        List<Path> files = new ArrayList<>(MediaSnifferTest.vectorFiles());
        List<byte[]> made = List.of(
                JpegIccTest.jpeg(JpegIccTest.segment(0xE1, JpegIccTest.filler(65_533)), JpegIccTest.segment(0xE2, JpegIccTest.icc(50)), JpegIccTest.sos()),
                JpegIccTest.jpeg(JpegIccTest.segment(0xE2, JpegIccTest.ascii("MPF\0")), JpegIccTest.sos()),
                JpegIccTest.jpeg(new byte[] {(byte) 0xFF, (byte) 0xFF}, JpegIccTest.segment(0xE2, JpegIccTest.icc(5)), JpegIccTest.sos()),
                JpegIccTest.jpeg(new byte[] {(byte) 0xFF, (byte) 0xE1, 0x00, 0x01}, JpegIccTest.sos()),
                new byte[0]);
        for (int i = 0; i < made.size(); i++) {
            Path f = tmp.resolve("made-" + i + ".jpg");
            Files.write(f, made.get(i));
            files.add(f);
        }
        List<String> expected = new ArrayList<>();
        for (Path f : files) {
            expected.add(JpegIccTest.ofFile(f).jsName());
        }
        assertThat(expected).contains("absent", "present", "unknown");
        List<String> js = NodeRunner.run("jpeg-icc", files.stream().map(Path::toString).toArray(String[]::new));
        assertThat(js).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(js.get(i)).as(files.get(i).toString()).isEqualTo(expected.get(i));
        }
    }
}
