package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.platform.SyncJob;
import org.takeitdown.portal.web.Ffmpeg;
import org.takeitdown.portal.web.RequestBodies;
import org.takeitdown.portal.web.RequestBytes;
import org.takeitdown.portal.web.SharedRuns;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.WorkerHeap;
import org.takeitdown.portal.web.engine.EngineFixture;
import org.takeitdown.portal.web.engine.SeleniumEngine;

/**
 * A video hashed with vPDQ in Chromium, Firefox ESR and WebKitGTK and submitted: WebCodecs for the MP4, the
 * {@code <video>} seeking fallback for a WebM copy; the page's frames agree with the CLI's, no part
 * of either file is sent, and a platform's match on a re-encoded copy hashed by the CLI finds the
 * submitted video.
 */
@Tag("browser")
@QuarkusTest
class VideoBrowserTest extends EngineFixture {
    private static final String ROWS = "document.querySelectorAll('#file-list li')";

    @Inject
    SyncJob sync;

    @TempDir
    Path tmp;

    @Inject
    RequestBytes server;

    /** Chromium's record of what it sent, through DevTools; null in the other engines. */
    private RequestBodies devTools;

    @AfterEach
    void resetServer() {
        server.reset();
        if (devTools != null) {
            devTools.close();
            devTools = null;
        }
    }

    private static Path original() {
        return Vectors.file("vpdq/videos/chair-orig-22-sd-bar.mp4");
    }

    private Path encode(String name, String... args) throws Exception {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("-i", original().toString(), "-an"));
        command.addAll(List.of(args));
        command.add(out.toString());
        Ffmpeg.run(command);
        return out;
    }

    /** The text of {@code css} inside row {@code row} of the file list, or null. */
    private String inRow(int row, String css) {
        return (String) engine.js("const c = " + ROWS + "[arguments[0]].querySelector(arguments[1]);"
                + " return c ? c.textContent.trim() : null;", row, css);
    }

    private static String framesJson(List<VpdqFrame> frames) {
        StringBuilder b = new StringBuilder("[");
        for (VpdqFrame f : frames) {
            b.append(b.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "{\"t\":%.3f,\"pdq\":\"%s\",\"q\":%d}",
                    f.timestampSeconds(), f.hash().toHex(), f.quality()));
        }
        return b.append(']').toString();
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void videoIsHashedOnTheDeviceSubmittedAndFoundByAPlatformInAReEncodedCopy(String name) throws Exception {
        Ffmpeg.require("video browser test");
        start(name);
        Path webm = encode("copy.webm", "-c:v", "libvpx-vp9", "-b:v", "400k", "-deadline", "realtime", "-cpu-used", "8");
        Path reencoded = encode("reencoded.mp4", "-c:v", "libx264", "-b:v", "150k", "-preset", "veryfast");
        Path broken = tmp.resolve("broken.mp4");
        byte[] junk = new byte[200_000];
        new java.util.Random(3).nextBytes(junk);
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, junk, 0, 12);
        Files.write(broken, junk);
        List<Path> files = List.of(original(), webm, broken);

        devTools = engine instanceof SeleniumEngine s && s.driver() instanceof ChromeDriver chrome
                ? RequestBodies.record(chrome) : null;
        server.keepBodies();
        engine.open(root + "hash");
        HashPage.hashAll(engine, files, Duration.ofSeconds(240), "every video hashed or marked");

        List<VpdqFrame> cli = FileHasher.hashWithVideo(original(), "ffmpeg").vpdq;
        List<JsonNode> mp4 = PageVideos.frames(engine, 0);
        System.out.println(name + " decoders: MP4 " + PageVideos.decoder(engine, 0)
                + ", WebM " + PageVideos.decoder(engine, 1));
        assertThat(PageVideos.decoder(engine, 0)).as("H.264 MP4 is decoded with WebCodecs").isEqualTo("webcodecs-yuv");
        assertThat(PageVideos.decoder(engine, 1)).as("WebM is decoded by seeking a <video> element").isEqualTo("element");
        assertThat(inRow(0, ".state")).contains("usually match");
        assertThat(mp4).hasSize(cli.size());
        List<Integer> distances = new ArrayList<>();
        int usable = 0;
        int close = 0;
        for (int i = 0; i < cli.size(); i++) {
            assertThat(mp4.get(i).get("t").asDouble()).as("frame %d time", i).isEqualTo(cli.get(i).timestampSeconds());
            int d = cli.get(i).hash().distance(org.takeitdown.hasher.pdq.PdqHash.fromHex(mp4.get(i).get("pdq").asText()));
            distances.add(d);
            if (cli.get(i).quality() >= 50) {
                usable++;
                close += d <= 10 ? 1 : 0;
            }
        }
        System.out.println("vpdq WebCodecs in " + name + " vs ffmpeg CLI, bits per frame: " + distances);
        assertThat(100.0 * close / usable).isGreaterThanOrEqualTo(90);
        List<JsonNode> fallback = PageVideos.frames(engine, 1);
        List<VpdqFrame> cliWebm = FileHasher.hashWithVideo(webm, "ffmpeg").vpdq;
        List<Integer> webmDistances = new ArrayList<>();
        int webmClose = 0;
        for (int i = 0; i < Math.min(cliWebm.size(), fallback.size()); i++) {
            int d = cliWebm.get(i).hash().distance(org.takeitdown.hasher.pdq.PdqHash.fromHex(fallback.get(i).get("pdq").asText()));
            webmDistances.add(d);
            webmClose += d <= 10 ? 1 : 0;
        }
        System.out.println("vpdq <video> fallback in " + name + " on a WebM copy: " + fallback.size()
                + " frames; vs the CLI on that copy, bits per frame: " + webmDistances);
        assertThat(100.0 * webmClose / webmDistances.size()).as("WebM frames within 10 bits of the CLI's, %")
                .isGreaterThanOrEqualTo(90);
        assertThat(fallback).as("WebM frames drawn blank (quality 0)").noneMatch(f -> f.get("q").asInt() == 0);
        assertThat(fallback.size()).isBetween(cli.size() - 1, cli.size() + 1);
        assertThat(inRow(2, ".state"))
                .isEqualTo("It's added. This browser can't play this video here, so only this exact file can be found:"
                        + " not a copy that was changed or saved again, which often happens when something is posted"
                        + " online. If you can, also add a copy saved as MP4.");
        assertThat(inRow(2, "code.vpdq")).isNull();
        assertThat(inRow(2, "code.md5")).isEqualTo(FileHasher.hash(broken).md5);

        engine.click("#submit-hashes");
        engine.waitVisible("#case-number", Duration.ofSeconds(30));
        List<byte[]> bodies = server.received().stream().map(RequestBytes.Received::body).toList();
        assertThat(server.received()).filteredOn(r -> r.path().endsWith("/api/cases")).singleElement()
                .satisfies(r -> assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains(FileHasher.hash(broken).md5));
        for (Path file : files) {
            assertThat(SharedRuns.firstShared(Files.readAllBytes(file), bodies, 64))
                    .as("a run of %s in a body the server received", file.getFileName()).isEqualTo(-1);
            if (devTools != null) {
                assertThat(SharedRuns.firstShared(Files.readAllBytes(file),
                        devTools.all().stream().map(RequestBodies.Sent::body).toList(), 64))
                        .as("a run of %s in a body DevTools saw", file.getFileName()).isEqualTo(-1);
            }
        }

        String md5 = FileHasher.hash(original()).md5;
        String webmMd5 = FileHasher.hash(webm).md5;
        long id = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5 = ?1 order by id desc", md5).firstResult().id);
        long webmId = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5 = ?1 order by id desc", webmMd5).firstResult().id);
        sync.runNow();
        String key = newPlatformKey("Video browser test " + name);
        List<VpdqFrame> copy = FileHasher.hashWithVideo(reencoded, "ffmpeg").vpdq;
        Response match = platform(key).contentType(ContentType.JSON).body("{\"vpdq\":[" + framesJson(copy) + "]}")
                .post("/api/platform/v1/match");
        match.then().statusCode(200);
        System.out.println("vpdq platform match of a re-encoded copy: " + match.asString());
        List<Number> ids = match.path("videos[0].matches.id");
        assertThat(ids.stream().map(Number::longValue).toList()).contains(id, webmId);
    }

    /** Chromium only: the worker's heap is read through DevTools, which the other engines lack. */
    @Test
    void anHourLongVideoIsHashedWithBoundedMemoryAndItsFirstHourSubmitted() throws Exception {
        Ffmpeg.require("video browser test");
        Path hour = tmp.resolve("hour.mp4");
        // Two frames a second, a key frame every 10 s: the page still decodes every frame and keeps one a second, over
        // an hour, at a fifth of the decoding (and of the encoding here) that 10 frames a second took.
        Ffmpeg.run(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=2", "-t", "3605", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "20", "-pix_fmt", "yuv420p", hour.toString()));

        start("chromium");
        ChromeDriver driver = (ChromeDriver) ((SeleniumEngine) engine).driver();
        Set<String> earlier = WorkerHeap.workers(driver);
        engine.open(root + "hash");
        try (WorkerHeap heap = WorkerHeap.attach(driver, earlier)) {
            WorkerHeap.Usage before = heap.usage();
            engine.setFiles("#file-input", List.of(hour));
            long maxUsed = before.used();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!Boolean.TRUE.equals(engine.js("return !!document.querySelector('#file-list li details');"))
                    && System.nanoTime() < deadline) {
                maxUsed = Math.max(maxUsed, heap.usage().used());
                Thread.sleep(100);
            }
            System.out.printf("1-hour video: worker JS heap %d -> max %d KiB (growth %d KiB)%n", before.used() / 1024,
                    maxUsed / 1024, (maxUsed - before.used()) / 1024);
            assertThat(maxUsed - before.used()).as("worker JS heap growth: some (the worker measured is the one at work),"
                    + " and bounded").isPositive().isLessThan(128L * 1024 * 1024);
        }
        assertThat(PageVideos.decoder(engine, 0)).isEqualTo("webcodecs-yuv");
        List<JsonNode> frames = PageVideos.frames(engine, 0);
        List<VpdqFrame> firstHour = FileHasher.hashWithVideo(hour, "ffmpeg").vpdq.stream()
                .filter(f -> f.timestampSeconds() < 3600).toList();
        System.out.println("1-hour video: " + frames.size() + " frames in the page, " + firstHour.size()
                + " from the CLI in the first hour (repeated pictures are dropped)");
        // Exact repeats are dropped on each side, and two decoders' colours differ a little, so the
        // kept seconds differ slightly. On this saturated synthetic pattern the two decoders' frames
        // differ by 8 to 24 bits (on the camera clips above by 0 to 6), so the check here is the
        // match distance: where both kept a second, its frames must match each other.
        java.util.Map<Double, VpdqFrame> cliAt = new java.util.HashMap<>();
        firstHour.forEach(f -> cliAt.put(f.timestampSeconds(), f));
        int both = 0;
        int close = 0;
        double last = -1;
        for (JsonNode f : frames) {
            double t = f.get("t").asDouble();
            assertThat(t).isGreaterThan(last).isLessThan(3600);
            last = t;
            VpdqFrame c = cliAt.get(t);
            if (c != null) {
                both++;
                close += c.hash().distance(org.takeitdown.hasher.pdq.PdqHash.fromHex(f.get("pdq").asText())) < 31 ? 1 : 0;
            }
        }
        assertThat(both).isGreaterThan(3400);
        assertThat(100.0 * close / both).isGreaterThanOrEqualTo(90);
        assertThat(inRow(0, ".state")).contains("longer than an hour");

        engine.click("#submit-hashes");
        engine.waitVisible("#case-number", Duration.ofSeconds(60));
        String md5 = FileHasher.hash(hour).md5;
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", md5).firstResult().vpdqFrames))
                .isEqualTo(frames.size());
    }
}
