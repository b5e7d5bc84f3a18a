package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.video.FrameConverter;
import org.takeitdown.hasher.video.PixelFormat;

/**
 * The shared conversion against libswscale itself: a 512x512 yuv420p frame holding every (U, V)
 * pair with random luma, converted by ffmpeg the way Meta's reference converts (RGB24, SWS_AREA,
 * no colour details: BT.601), on its portable C path ({@code -cpuflags 0}), in both ranges.
 */
class FrameConverterFfmpegTest {
    private static final int SIZE = 512;

    @TempDir
    Path tmp;

    @Test
    void everyPixelEqualsLibswscalesCPathInBothRanges() throws Exception {
        FfmpegRequired.check();
        byte[] yuv = new byte[SIZE * SIZE * 3 / 2];
        byte[] luma = new byte[SIZE * SIZE];
        new Random(1).nextBytes(luma);
        System.arraycopy(luma, 0, yuv, 0, luma.length);
        int c = SIZE / 2;
        for (int u = 0; u < c; u++) {
            for (int v = 0; v < c; v++) {
                yuv[luma.length + u * c + v] = (byte) u;
                yuv[luma.length + c * c + u * c + v] = (byte) v;
            }
        }
        Path in = tmp.resolve("frame.yuv");
        Files.write(in, yuv);
        for (boolean full : new boolean[] {false, true}) {
            Path out = tmp.resolve("frame-" + full + ".rgb");
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-cpuflags", "0", "-f", "rawvideo", "-pix_fmt", full ? "yuvj420p" : "yuv420p",
                    "-s", SIZE + "x" + SIZE, "-i", in.toString(), "-vf", "scale=flags=area", "-pix_fmt", "rgb24",
                    "-f", "rawvideo", out.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(log).isZero();
            byte[] rgb = Files.readAllBytes(out);
            int[] ours = FrameConverter.toRgbaWords(yuv, PixelFormat.I420, SIZE, SIZE,
                    new int[] {0, luma.length, luma.length + c * c}, new int[] {SIZE, c, c}, full, null);
            int differing = 0;
            for (int i = 0; i < ours.length; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    differing += (ours[i] >>> (8 * ch) & 0xff) != (rgb[3 * i + ch] & 0xff) ? 1 : 0;
                }
            }
            assertThat(differing).as("channels differing from libswscale, full range " + full).isZero();
        }
    }
}
