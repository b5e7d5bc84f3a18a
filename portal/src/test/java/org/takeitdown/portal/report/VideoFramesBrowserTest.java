package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.portal.web.Ffmpeg;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * Video frames in Chromium, Firefox ESR and WebKitGTK equal to the CLI's: clips generated with ffmpeg
 * (SD and HD, untagged, tagged BT.709 and BT.601, full range in the SPS or only in the container, rotated,
 * odd size, 10-bit VP9 profile 2)
 * and Meta's sample clips are hashed by the page from WebCodecs' planes ({@code copyTo} and the
 * hasher's shared conversion) and by {@code FileHasher} from ffmpeg's raw planes: the same frames at
 * the same times, equal in Chromium and WebKitGTK, with the known gaps of WebKitGTK (VP9 profile 2) and
 * Firefox ESR (its planes) allowed explicitly.
 */
@Tag("browser")
@QuarkusTest
class VideoFramesBrowserTest extends EngineFixture {
    private static final String CLIP = "testsrc2=size=%s:rate=30";
    /**
     * Chromium's and WebKitGTK's planes are the decoder's samples, converted as the CLI converts ffmpeg's:
     * their frames equal the CLI's (the issue asks for 4 bits at most; a wrong range costs only 2 on these clips).
     */
    private static final int BITS = 0;
    /** vPDQ's match distance: a frame this close or closer matches (VpdqMatcher, below 31). */
    private static final int MATCH_BITS = 30;

    @TempDir
    Path tmp;

    /** A 3-second clip of ffmpeg's testsrc2 pattern at {@code size}, encoded with {@code args}. */
    private Path clip(String name, String size, String... args) throws Exception {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("-f", "lavfi", "-i", String.format(CLIP, size), "-t", "3"));
        command.addAll(List.of(args));
        command.add(out.toString());
        Ffmpeg.run(command);
        return out;
    }

    private Map<String, Path> clips() throws Exception {
        Map<String, Path> clips = new LinkedHashMap<>();
        String[] h264 = {"-c:v", "libx264", "-preset", "veryfast"};
        clips.put("SD 640x480 H.264 untagged", clip("sd.mp4", "640x480", cat(h264, "-pix_fmt", "yuv420p")));
        clips.put("HD 1280x720 H.264 tagged BT.709", clip("hd709.mp4", "1280x720", cat(h264, "-pix_fmt", "yuv420p",
                "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709")));
        clips.put("SD H.264 tagged BT.601 (smpte170m)", clip("sd601.mp4", "640x480", cat(h264, "-pix_fmt", "yuv420p",
                "-colorspace", "smpte170m", "-color_primaries", "smpte170m", "-color_trc", "smpte170m")));
        clips.put("SD H.264 full range (yuvj420p)", clip("full.mp4", "640x480", cat(h264, "-pix_fmt", "yuvj420p",
                "-color_range", "pc")));
        Path rotated = tmp.resolve("rotated.mp4");
        // ffmpeg 5.1 has no -display_rotation; the rotate tag on copy writes the same display matrix.
        Ffmpeg.run(List.of("-i", clips.get("SD 640x480 H.264 untagged").toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", rotated.toString()));
        clips.put("SD H.264 rotated 90 (display matrix)", rotated);
        Path colr = tmp.resolve("colr.mp4");
        // No range in the SPS, full range in the MP4's nclx colour box only: ffmpeg decodes it as yuvj420p.
        Ffmpeg.run(List.of("-i", clips.get("SD 640x480 H.264 untagged").toString(), "-c", "copy",
                "-color_range", "pc", "-movflags", "+write_colr", colr.toString()));
        clips.put("SD H.264 full range in the container only (colr)", colr);
        clips.put("odd size 642x362 H.264", clip("odd.mp4", "642x362", cat(h264, "-pix_fmt", "yuv420p")));
        clips.put("10-bit VP9 profile 2 in MP4", clip("vp9p2.mp4", "640x360", "-c:v", "libvpx-vp9", "-profile:v", "2",
                "-pix_fmt", "yuv420p10le", "-deadline", "realtime", "-cpu-used", "8"));
        try (Stream<Path> meta = Files.list(Vectors.file("vpdq/videos"))) {
            meta.filter(p -> p.toString().endsWith(".mp4")).sorted()
                    .forEach(p -> clips.put("Meta's " + p.getFileName(), p));
        }
        return clips;
    }

    private static String[] cat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void everyFrameFromWebCodecsPlanesEqualsTheClis(String name) throws Exception {
        Ffmpeg.require("video frames browser test");
        Map<String, Path> clips = clips();
        start(name);
        engine.open(root + "hash");
        HashPage.hashAll(engine, new ArrayList<>(clips.values()), Duration.ofSeconds(300), "every video hashed or marked");
        int row = 0;
        int firefoxFrames = 0;
        int firefoxMatching = 0;
        for (Map.Entry<String, Path> c : clips.entrySet()) {
            String clip = name + ", " + c.getKey();
            List<VpdqFrame> cli = FileHasher.hashWithVideo(c.getValue(), "ffmpeg").vpdq;
            List<JsonNode> page = PageVideos.frames(engine, row);
            List<Integer> distances = new ArrayList<>();
            for (int i = 0; i < Math.min(cli.size(), page.size()); i++) {
                distances.add(cli.get(i).hash().distance(PdqHash.fromHex(page.get(i).get("pdq").asText())));
            }
            System.out.println("video frames, browser vs CLI, " + clip + ": decoder " + PageVideos.decoder(engine, row) + ", "
                    + page.size() + " frames, bits per frame " + distances);
            boolean webkitVp9 = "webkit".equals(name) && c.getKey().contains("VP9");
            // WebKitGTK's WebCodecs does not decode VP9 profile 2: the <video> fallback takes it.
            assertThat(PageVideos.decoder(engine, row)).as(clip + ": hashed from WebCodecs' planes")
                    .isEqualTo(webkitVp9 ? "element" : "webcodecs-yuv");
            assertThat(page).as(clip + ": frames").hasSameSizeAs(cli);
            for (int i = 0; i < cli.size(); i++) {
                assertThat(page.get(i).get("t").asDouble()).as(clip + " frame %d time", i)
                        .isEqualTo(Math.round(cli.get(i).timestampSeconds() * 1000) / 1000.0);
            }
            if ("firefox".equals(name)) {
                // Known gap, measured: Firefox ESR 153's decoder hands out BGRX frames it converted itself,
                // with the stream's matrix (BT.709 when untagged) and limited range, where the CLI uses
                // BT.601 (0-2 bits on the BT.601-tagged clip, 10-24 on the others, 0-6 on Meta's camera
                // clips, once 36 on a frame of quality 0).
                firefoxFrames += distances.size();
                firefoxMatching += (int) distances.stream().filter(d -> d <= MATCH_BITS).count();
            } else {
                // WebKitGTK's full-range frames do not say so: the page reads the range from the SPS.
                int bound = webkitVp9 ? MATCH_BITS : BITS;
                assertThat(distances).as(clip + ": bits from the CLI's frames").allMatch(d -> d <= bound);
            }
            row++;
        }
        if (firefoxFrames > 0) {
            assertThat(100.0 * firefoxMatching / firefoxFrames).as("Firefox frames within the match distance, %")
                    .isGreaterThanOrEqualTo(95);
        }
    }
}
