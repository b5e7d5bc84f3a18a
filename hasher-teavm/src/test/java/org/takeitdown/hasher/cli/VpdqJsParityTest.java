package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.NodeRunner;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.vpdq.VpdqBuilder;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;

/**
 * The TeaVM JavaScript's vPDQ ({@code vpdqStart}) on frames decoded by ffmpeg: the same frames,
 * hashes and qualities as the JVM bit for bit, from the raw planes ({@code hashYuv}, the shared
 * YUV to RGB conversion) and from the converted RGBA pixels ({@code hash}), and so as close to Meta's
 * reference.
 */
class VpdqJsParityTest {
    @TempDir
    Path tmp;

    @Test
    void javascriptVpdqEqualsTheJvmOnDecodedFrames() throws Exception {
        FfmpegRequired.check();
        for (String clip : List.of("chair-orig-22-sd-bar", "doorknob-hd-no-bar")) {
            VpdqBuilder jvm = new VpdqBuilder();
            ByteArrayOutputStream records = new ByteArrayOutputStream();
            new FfmpegFrames().selectedFrames(TestVectors.video(clip), (n, seconds, frame) -> {
                byte[] rgba = rgba(frame.toRgbaWords(null));
                // Each frame twice, the copy half a second later, so the sampler has one to skip.
                for (double t : new double[] {seconds, seconds + 0.5}) {
                    if (jvm.wants(t)) {
                        jvm.hash(rgba, frame.width, frame.height, 4);
                    }
                    write(records, t, frame, rgba);
                }
            });
            Path file = tmp.resolve(clip + ".records");
            Files.write(file, records.toByteArray());
            List<String> js = NodeRunner.run("vpdq", file.toString());

            List<String> expected = new ArrayList<>();
            for (VpdqFrame f : jvm.frames()) {
                expected.add(String.format(Locale.ROOT, "%s %s %d", jsNumber(f.timestampSeconds()),
                        f.hash().toHex(), f.quality()));
            }
            expected.add("seen " + jvm.framesSeen());
            assertThat(js.subList(0, expected.size())).as(clip + " from RGBA").isEqualTo(expected);
            assertThat(js.get(expected.size())).isEqualTo("unwanted: no frame is waiting to be hashed; call wants() first");
            assertThat(js.get(expected.size() + 1)).startsWith("negative: wants needs the frame's time in seconds");
            int yuvAt = expected.size() + 2;
            assertThat(js.subList(yuvAt, yuvAt + expected.size())).as(clip + " from the planes").isEqualTo(expected);
            assertThat(js.get(yuvAt + expected.size())).isEqualTo("format: hashYuv cannot convert the pixel format I420P12");
            assertThat(js.get(yuvAt + expected.size() + 1)).startsWith("short: plane 2 of a 16x16 I420 frame");
            String layout = "hashYuv needs whole-number width and height and copyTo's plane layout";
            assertThat(js.subList(yuvAt + expected.size() + 2, yuvAt + expected.size() + 6)).as("layouts an Int32Array would wrap")
                    .containsExactly("wrapped offset: " + layout, "wrapped stride: " + layout, "refused: 0 frames, 1 seen",
                            "then hashed: 1 frames");

            List<VpdqFrame> reference = VpdqText.parse(TestVectors.referenceVpdq(clip));
            int usable = 0;
            int close = 0;
            for (String line : js.subList(0, jvm.frames().size())) {
                String[] p = line.split(" ");
                double t = Double.parseDouble(p[0]);
                VpdqFrame ref = reference.stream().filter(r -> Math.abs(r.timestampSeconds() - t) < 0.0005)
                        .findFirst().orElseThrow();
                if (ref.quality() >= 50) {
                    usable++;
                    close += PdqHash.fromHex(p[1]).distance(ref.hash()) <= 10 ? 1 : 0;
                }
            }
            assertThat(usable).isPositive();
            assertThat(100.0 * close / usable).as(clip).isGreaterThanOrEqualTo(90);
        }
    }

    /** How JavaScript prints a number rounded to milliseconds. */
    private static String jsNumber(double seconds) {
        double ms = Math.round(seconds * 1000) / 1000.0;
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    private static byte[] rgba(int[] words) {
        ByteBuffer out = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.asIntBuffer().put(words);
        return out.array();
    }

    /**
     * One record: time, size, WebCodecs format name, full range, plane offsets and strides, the planes,
     * then the RGBA pixels the JVM converted them to.
     */
    private static void write(ByteArrayOutputStream out, double t, RawFrame frame, byte[] rgba) {
        String format = frame.format.name();
        ByteBuffer head = ByteBuffer.allocate(32 + format.length() + 8 * frame.offsets.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        head.putDouble(t).putInt(frame.width).putInt(frame.height).putInt(format.length());
        head.put(format.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        head.putInt(frame.fullRange ? 1 : 0).putInt(frame.offsets.length);
        for (int p = 0; p < frame.offsets.length; p++) {
            head.putInt(frame.offsets[p]).putInt(frame.strides[p]);
        }
        head.putInt(frame.data.length);
        out.write(head.array(), 0, head.position());
        out.write(frame.data, 0, frame.data.length);
        out.write(rgba, 0, rgba.length);
    }
}
