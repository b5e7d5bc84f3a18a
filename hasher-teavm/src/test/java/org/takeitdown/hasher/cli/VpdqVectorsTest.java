package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.vpdq.SecondSampler;
import org.takeitdown.hasher.vpdq.VpdqBuilder;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqMatch;
import org.takeitdown.hasher.vpdq.VpdqMatcher;
import org.takeitdown.hasher.vpdq.VpdqText;

/**
 * vPDQ on Meta's sample clips: our decoders against the reference's frame hashes, the match
 * decisions the issue names, and copies made with ffmpeg. Needs {@code ffmpeg} (CI installs it).
 */
class VpdqVectorsTest {
    private static final String ORIGINAL = "chair-orig-22-sd-bar";
    private static final List<String> CLIPS = List.of(ORIGINAL, "chair-22-sd-sepia-bar",
            "chair-22-with-large-logo-bar", "chair-19-sd-bar", "pattern-sd-grey-bar", "doorknob-hd-no-bar");
    private static final Map<String, List<VpdqFrame>> byFfmpeg = new HashMap<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void hashClipsWithFfmpeg() throws Exception {
        FfmpegRequired.check();
        for (String clip : CLIPS) {
            byFfmpeg.put(clip, decode(new FfmpegFrames(), TestVectors.video(clip)));
        }
    }

    private static List<VpdqFrame> decode(VideoFrameSource source, Path video) throws Exception {
        VpdqBuilder builder = new VpdqBuilder();
        source.decode(video, builder);
        return builder.frames();
    }

    /** The reference's every-frame hashes, sampled at one frame a second with duplicates dropped. */
    private static List<VpdqFrame> referenceAtOneFps(String clip) {
        SecondSampler sampler = new SecondSampler();
        Set<PdqHash> seen = new HashSet<>();
        List<VpdqFrame> out = new ArrayList<>();
        for (VpdqFrame f : VpdqText.parse(TestVectors.referenceVpdq(clip))) {
            if (sampler.take(f.timestampSeconds()) && seen.add(f.hash())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Checks our frames against the reference frame at the same timestamp: every one within 4 bits.
     * With the reference's own conversion ({@code FrameConverter}) they are in fact equal (0 bits) on
     * these clips, from ffmpeg and from JCodec alike; with ffmpeg's PPM output they were 0 to 4 apart.
     */
    private static void assertCloseToReference(String clip, List<VpdqFrame> ours) {
        List<VpdqFrame> reference = VpdqText.parse(TestVectors.referenceVpdq(clip));
        List<Integer> distances = new ArrayList<>();
        for (VpdqFrame f : ours) {
            VpdqFrame ref = reference.stream().filter(r -> r.frameNumber() == f.frameNumber()).findFirst()
                    .orElseThrow(() -> new AssertionError(clip + ": the reference has no frame " + f.frameNumber()));
            assertThat(f.timestampSeconds()).as(clip + " frame " + f.frameNumber())
                    .isCloseTo(ref.timestampSeconds(), org.assertj.core.data.Offset.offset(0.0005));
            distances.add(f.hash().distance(ref.hash()));
        }
        System.out.println("vpdq " + clip + ": distances to the reference " + distances);
        assertThat(distances).as(clip + " frames").isNotEmpty();
        assertThat(distances).as(clip + ": bits from the reference's frame, every frame").allMatch(d -> d <= 4);
    }

    @Test
    void referenceHashesAtOneFrameASecondGiveTheExpectedDecisions() {
        List<VpdqFrame> original = referenceAtOneFps(ORIGINAL);
        assertThat(original).hasSize(23);
        assertDecisions(this::referenceOrFail, "reference");
    }

    private List<VpdqFrame> referenceOrFail(String clip) {
        return referenceAtOneFps(clip);
    }

    @Test
    void ffmpegFramesAreWithinFourBitsOfTheReference() {
        for (String clip : CLIPS) {
            assertCloseToReference(clip, byFfmpeg.get(clip));
        }
    }

    @Test
    void ffmpegFramesGiveTheExpectedDecisions() {
        assertDecisions(byFfmpeg::get, "ffmpeg");
    }

    @Test
    void jcodecFramesAreWithinFourBitsOfTheReferenceAndAgreeWithFfmpegOnSampling() throws Exception {
        for (String clip : List.of(ORIGINAL, "doorknob-hd-no-bar")) {
            List<VpdqFrame> jcodec = decode(new JcodecFrames(), TestVectors.video(clip));
            assertCloseToReference(clip, jcodec);
            assertThat(jcodec).extracting(VpdqFrame::frameNumber)
                    .isEqualTo(byFfmpeg.get(clip).stream().map(VpdqFrame::frameNumber).toList());
        }
    }

    private static void assertDecisions(java.util.function.Function<String, List<VpdqFrame>> frames, String by) {
        List<VpdqFrame> original = frames.apply(ORIGINAL);
        Map<String, VpdqMatch> result = new HashMap<>();
        for (String clip : CLIPS) {
            result.put(clip, VpdqMatcher.compare(original, frames.apply(clip)));
            System.out.println("vpdq " + by + ": " + ORIGINAL + " vs " + clip + ": " + result.get(clip));
        }
        assertThat(result.get(ORIGINAL).isMatch(80, 80)).isTrue();
        assertThat(result.get("chair-22-sd-sepia-bar").isMatch(80, 80)).as(by + " sepia").isTrue();
        assertThat(result.get("pattern-sd-grey-bar").isMatch(80, 80)).as(by + " pattern").isFalse();
        assertThat(result.get("doorknob-hd-no-bar").isMatch(80, 80)).as(by + " doorknob").isFalse();
    }

    @Test
    void copiesMadeWithFfmpegMatchTheOriginal() throws Exception {
        Path original = TestVectors.video(ORIGINAL);
        List<VpdqFrame> hashes = byFfmpeg.get(ORIGINAL);
        Map<String, List<String>> copies = new java.util.LinkedHashMap<>();
        copies.put("re-encoded at 150 kbit/s", List.of("-i", original.toString(), "-b:v", "150k"));
        copies.put("resized to half", List.of("-i", original.toString(), "-vf", "scale=iw/2:ih/2"));
        copies.put("trimmed at the end by 3 s", List.of("-i", original.toString(), "-t", "19.4"));
        copies.put("trimmed at the start by 3 s", List.of("-ss", "3", "-i", original.toString()));
        for (Map.Entry<String, List<String>> copy : copies.entrySet()) {
            VpdqMatch m = VpdqMatcher.compare(hashes, decode(new FfmpegFrames(), encode(copy.getValue())));
            System.out.println("vpdq copy " + copy.getKey() + ": " + m);
            assertThat(m.isMatch(80, 80)).as(copy.getKey() + ": " + m).isTrue();
        }
        VpdqMatch shifted = VpdqMatcher.compare(hashes, decode(new FfmpegFrames(),
                encode(List.of("-ss", "2.24", "-i", original.toString()))));
        System.out.println("vpdq copy trimmed at the start by 2.24 s (recorded, sampling is not shift-invariant): "
                + shifted);
        VpdqMatch shortened = VpdqMatcher.compare(hashes, decode(new FfmpegFrames(),
                encode(List.of("-i", original.toString(), "-t", "15"))));
        System.out.println("vpdq copy cut to its first 15 s (recorded, below 80 % of the original's frames): "
                + shortened);
    }

    private static int copyNumber;

    /** Encodes a copy with ffmpeg's H.264 encoder into the temporary folder. */
    private static Path encode(List<String> input) throws IOException, InterruptedException {
        Path out = tmp.resolve("copy-" + (copyNumber++) + ".mp4");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(input);
        command.addAll(List.of("-an", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return out;
    }
}
