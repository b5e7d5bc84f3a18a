package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.web.Ffmpeg;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;

/**
 * The same file picked twice, under another name, later or in the same pick: the list keeps the one picked
 * first, in its place, the copy's hashing stops as soon as its MD5 is known, the live region says so, and
 * only one item is sent for it. A copy whose first hashing failed is different: picking it again retries it.
 */
@Tag("browser")
@QuarkusTest
class PickedTwiceBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HASHING = Duration.ofMinutes(4);
    private static final String ERROR = "This file couldn't be read. Remove it, then pick it again to try once more."
            + " The others are fine.";

    /**
     * After {@link HashPoolBrowserTest#RECORD}: {@code poolLog.decoding} turns true once file {@code arguments[0]}
     * reports a video second hashed, which is after its MD5 and while its frames are still being read.
     */
    private static final String WATCH_DECODING = """
            const [id] = arguments;
            const log = window.poolLog;
            log.onReceived = (data) => {
              if (data.id === id && data.type === 'progress' && (data.seconds || 0) >= 1) log.decoding = true;
            };
            return true;
            """;

    @TestHTTPResource("/hash")
    URL hashPage;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aFilePickedTwiceShowsOnceInItsFirstPlaceStopsTheCopysWorkAndSaysSo(String engine) throws Exception {
        Path photo = tmp.resolve("photo.jpg");
        CameraPhotos.writeJpeg(photo, 3000, 2000, 7);
        Path photoAgain = Files.copy(photo, tmp.resolve("photo-again.jpg"));
        Path picture = Vectors.file("pdq/images/misc-images/c.png");
        Path pictureAgain = Files.copy(picture, tmp.resolve("c-again.png"));
        try (Engine e = Engines.start(engine)) {
            e.open(hashPage.toString());
            e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
            e.js(HashPoolBrowserTest.RECORD + " return true;");
            e.setFiles("#file-input", List.of(photo));
            e.waitFor("document.querySelector('#file-list details')", Duration.ofSeconds(120), "the photo is hashed");
            assertThat(e.text("#submit-message")).isEmpty();

            e.setFiles("#file-input", List.of(photoAgain, picture, pictureAgain));
            e.waitFor("document.querySelectorAll('#file-list li').length === 2"
                    + " && document.querySelectorAll('#file-list li details').length === 2",
                    Duration.ofSeconds(120), "the copies are dropped and the picture is hashed");
            assertThat(e.js("return [...document.querySelectorAll('#file-list li .name')].map((n) => n.textContent);"))
                    .as("each file once, where it was first picked").isEqualTo(List.of("photo.jpg", "c.png"));
            assertThat(e.text("#submit-message")).isEqualTo("You already added this one, so it's in the list just once.");
            assertThat(e.js("return document.getElementById('submit-message').getAttribute('role');")).isEqualTo("status");
            long dropped = (Long) e.js("return window.poolLog.received.filter((m) => m.id === 2 || m.id === 4).length;");
            assertThat(dropped).as("messages about the copies").isPositive();
            assertThat(e.js("return window.poolLog.received.filter((m) => m.id === 2"
                    + " && (m.type === 'done' || m.type === 'error')).length;"))
                    .as("the big photo's copy is not hashed on after its MD5").isEqualTo(0L);
            assertThat(e.js("return document.getElementById('submit-hashes').disabled;")).isEqualTo(false);

            e.js("window.sent = []; const f = window.fetch;"
                    + " window.fetch = (url, options) => { window.sent.push(options.body); return f(url, options); };"
                    + " return true;");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", Duration.ofSeconds(30), "the receipt shows");
            @SuppressWarnings("unchecked")
            List<String> bodies = (List<String>) e.js("return window.sent;");
            assertThat(bodies).hasSize(1);
            JsonNode items = JSON.readTree(bodies.get(0)).get("items");
            assertThat(items).as("one item for each file").hasSize(2);
            assertThat(bodies.get(0)).doesNotContain("photo").doesNotContain("again").doesNotContain("c.png");
            e.click("#saved-key");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aFileWhoseHashingFailedAndIsPickedAgainIsHashedAgainInsteadOfBeingCalledAlreadyAdded(String engine)
            throws Exception {
        Path video = bigClip();
        Path videoAgain = Files.copy(video, tmp.resolve("video-again.mp4"));
        try (Engine e = openHashPage(engine)) {
            recordWatching(e, 1);
            e.setFiles("#file-input", List.of(video));
            failAfterItsMd5(e, video, 1);

            e.setFiles("#file-input", List.of(videoAgain));
            e.waitFor("window.poolLog.received.some((m) => m.id === 2 && m.type === 'md5')", HASHING,
                    "the MD5 of the file picked again");
            assertThat(names(e)).as("the failed row is gone; the file picked again goes on")
                    .isEqualTo(List.of("video-again.mp4"));
            assertThat(e.text("#submit-message")).as("nothing about a file already added").isEmpty();
            assertThat(e.js("return document.getElementById('submit-hashes').disabled;")).as("Send waits for it")
                    .isEqualTo(true);
            e.waitFor("document.querySelector('#file-list li[data-id=\"2\"] details')", HASHING,
                    "the file picked again is hashed");
            assertThat(e.text("#file-list li code.md5")).isEqualTo(HashPage.md5(videoAgain));
            assertThat(e.js("return document.getElementById('submit-hashes').disabled;")).isEqualTo(false);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void whenTheFirstCopyFailsAfterItsTwinWasDroppedItsRowSaysToRemoveItAndPickItAgainWhichWorks(String engine)
            throws Exception {
        Path video = bigClip();
        Path videoAgain = Files.copy(video, tmp.resolve("video-again.mp4"));
        try (Engine e = openHashPage(engine)) {
            long workers = (Long) e.jsAsync("const m = await import('/js/hash-pool.js'); return m.poolSize();");
            Assumptions.assumeTrue(workers >= 2, engine + " has one worker here, so a copy is hashed only after the"
                    + " first ended: dropping a copy while the first still works can't happen; test skipped");
            recordWatching(e, 1);
            e.setFiles("#file-input", List.of(video, videoAgain));
            e.waitFor("document.querySelectorAll('#file-list li').length === 1", HASHING, "the copy is dropped");
            assertThat(e.text("#submit-message")).isEqualTo("You already added this one, so it's in the list just once.");
            failAfterItsMd5(e, video, 1);
            assertThat(names(e)).isEqualTo(List.of("video.mp4"));

            e.click("#file-list li[data-id=\"1\"] button.remove");
            e.setFiles("#file-input", List.of(videoAgain));
            e.waitFor("document.querySelector('#file-list li[data-id=\"3\"] details')", HASHING,
                    "the file picked again is hashed");
            assertThat(names(e)).isEqualTo(List.of("video-again.mp4"));
            assertThat(e.text("#file-list li code.md5")).isEqualTo(HashPage.md5(videoAgain));
        }
    }

    /** The hash page open in {@code engine}, once its hasher shows. */
    private Engine openHashPage(String engine) throws Exception {
        Engine e = Engines.start(engine);
        try {
            e.open(hashPage.toString());
            e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
            return e;
        } catch (RuntimeException failed) {
            e.close();
            throw failed;
        }
    }

    /** Records the pool's messages ({@code window.poolLog}) and watches file {@code id} for its first second hashed. */
    private static void recordWatching(Engine e, int id) {
        e.js(HashPoolBrowserTest.RECORD + " return true;");
        e.js(WATCH_DECODING, id);
    }

    /**
     * A clip of 120 seconds padded to 4 Mbit/s (60 MB): the worker reads it in many slices while it decodes it,
     * long after its MD5 is known.
     */
    private Path bigClip() throws Exception {
        Ffmpeg.require("picked-again video test");
        Path out = tmp.resolve("video.mp4");
        Ffmpeg.run(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-t", "120", "-pix_fmt", "yuv420p",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-b:v", "4M", "-minrate", "4M", "-maxrate", "4M",
                "-bufsize", "1M", "-x264-params", "nal-hrd=cbr", out.toString()));
        return out;
    }

    /**
     * Makes file {@code id} ({@code file} on disk) fail after its MD5 is known: the file is deleted while the
     * worker still reads its frames, the way a file can vanish from a phone mid-hash. All three engines then fail
     * the next read; one that read on would fail this test, which then no longer tests what it says.
     */
    private static void failAfterItsMd5(Engine e, Path file, int id) throws Exception {
        String row = "#file-list li[data-id=\"" + id + "\"]";
        String ended = "document.querySelector('" + row + " details, " + row + " .state.error')";
        e.waitFor("window.poolLog.decoding || " + ended, HASHING, "the video's frames are being read");
        Files.delete(file);
        e.waitFor(ended, HASHING, "the video's hashing ends");
        assertThat(e.js("return document.querySelector('" + row + " .state.error') !== null;"))
                .as("%s fails reading a video deleted mid-hash (its row says \"%s\")", e.name(), e.text(row + " .state"))
                .isEqualTo(true);
        assertThat(e.js("const r = window.poolLog.received.filter((m) => m.id === arguments[0]).map((m) => m.type);"
                + " return r.indexOf('md5') >= 0 && r.indexOf('md5') < r.indexOf('error');", id))
                .as("the MD5 was known before the error").isEqualTo(true);
        assertThat(e.text(row + " .state")).isEqualTo(ERROR);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Engine e) {
        return (List<String>) e.js("return [...document.querySelectorAll('#file-list li .name')].map((n) => n.textContent);");
    }
}
