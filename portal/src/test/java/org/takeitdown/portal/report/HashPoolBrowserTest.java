package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.web.Ffmpeg;
import org.takeitdown.portal.web.Messages;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * The hashing page's pool of workers ({@code js/hash-pool.js}): several files hashed at once give the
 * same hashes, in the same order, as one worker and the CLI; removing a file mid-hash stops its work at
 * once (counted in messages, never in time): no frame is sent for it and no message about it arrives
 * afterwards, and Send is enabled in the same click when the other files are ready.
 */
@Tag("browser")
@QuarkusTest
class HashPoolBrowserTest extends EngineFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HASHING = Duration.ofMinutes(4);

    /**
     * Records, from now on, every message the page posts to a worker and every message a worker sends
     * the page (with the worker's index), each worker terminated, and the most workers busy at once.
     * {@code poolLog.onReceived} is called after each received message is recorded.
     */
    static final String RECORD = """
            const log = window.poolLog = { posted: [], received: [], terminated: 0, workers: [],
              files: [], ended: [], maxBusy: 0 };
            const index = (w) => {
              let i = log.workers.indexOf(w);
              if (i < 0) {
                i = log.workers.push(w) - 1;
                log.files[i] = 0;
                log.ended[i] = 0;
                w.addEventListener('message', (e) => {
                  log.received.push({ w: i, type: e.data.type, id: e.data.id });
                  if (e.data.type === 'done' || e.data.type === 'error') log.ended[i]++;
                  if (log.onReceived) log.onReceived(e.data);
                });
              }
              return i;
            };
            const post = Worker.prototype.postMessage;
            Worker.prototype.postMessage = function (message, transfer) {
              log.posted.push({ w: index(this), type: message.type || 'file', id: message.id });
              if (!message.type) {
                // A worker is busy from a file posted to it until it ends as many as it was given.
                const i = log.workers.indexOf(this);
                log.files[i]++;
                log.maxBusy = Math.max(log.maxBusy, log.files.filter((n, k) => n > log.ended[k]).length);
              }
              return transfer === undefined ? post.call(this, message) : post.call(this, message, transfer);
            };
            const terminate = Worker.prototype.terminate;
            Worker.prototype.terminate = function () { log.terminated++; return terminate.call(this); };
            """;

    /**
     * Clicks the Remove button of file {@code arguments[0]} from within the handler of the first
     * progress message about it reporting at least {@code arguments[1]} video seconds hashed, marks
     * where the logs stood, and reads whether Send is enabled right after the click's handlers ran
     * ({@code finishedFirst} when the file ended before such a message).
     */
    private static final String REMOVE_MID_HASH = """
            const [id, seconds] = arguments;
            const log = window.poolLog;
            log.onReceived = (data) => {
              if (!log.removed && data.id === id && (data.type === 'done' || data.type === 'error')) log.finishedFirst = data.type;
              if (log.removed || data.id !== id || data.type !== 'progress' || (data.seconds || 0) < seconds) return;
              log.removed = { posted: log.posted.length, received: log.received.length };
              document.querySelector('#file-list li[data-id="' + id + '"] button.remove').click();
              log.sendEnabled = !document.getElementById('submit-hashes').disabled;
            };
            """;

    @TestHTTPResource("/hash")
    URL hashPage;

    @TempDir
    Path tmp;

    /** A synthetic clip of {@code seconds} seconds at 320×240, 10 frames a second, made by ffmpeg. */
    private Path clip(String name, int seconds, String... codec) throws Exception {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-t",
                String.valueOf(seconds), "-pix_fmt", "yuv420p"));
        command.addAll(List.of(codec));
        command.add(out.toString());
        Ffmpeg.run(command);
        return out;
    }

    private void choose(List<Path> files) {
        engine.setFiles("#file-input", files);
    }

    private long rows() {
        return (Long) engine.js("return document.querySelectorAll('#file-list li').length;");
    }

    private void waitHashed(long rows) {
        engine.waitFor("document.querySelectorAll('#file-list li details, #file-list li .state.error').length >= " + rows
                + " && document.querySelectorAll('#file-list li').length === " + rows, HASHING, "files hashed");
    }

    /** What the page shows for each row, in list order: {name, state, md5, pdq, vpdq} (absent ones null). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> shown() {
        return (List<Map<String, Object>>) engine.js("""
                return [...document.querySelectorAll('#file-list li')].map((li) => {
                  const text = (css) => { const c = li.querySelector(css); return c ? c.textContent : null; };
                  const v = li.querySelector('code.vpdq');
                  return { name: text('.name'), state: text('.state'), md5: text('code.md5'), pdq: text('code.pdq'),
                    vpdq: v ? v.dataset.frames : null };
                });""");
    }

    private long count(String log, String condition) {
        return (Long) engine.js("const log = window.poolLog; return log." + log + ".filter((m, i) => " + condition
                + ").length;");
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void severalFilesHashedAtOnceGiveOneWorkersAndTheCliHashesInListOrder(String name) throws Exception {
        start(name);
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "not a picture");
        List<Path> files = List.of(
                Vectors.file("pdq/images/bridge-mods/aaa-orig.jpg"),
                Vectors.file("pdq/images/misc-images/c.png"),
                Vectors.file("vpdq/videos/doorknob-hd-no-bar.mp4"),
                Vectors.file("pdq/images/misc-images/wee.jpg"),
                Vectors.file("pdq/images/reg-test-input/pen-and-coaster.png"),
                text,
                Vectors.file("pdq/images/misc-images/small.jpg"));
        engine.open(hashPage.toString());
        engine.js(RECORD);
        choose(files);
        waitHashed(files.size());
        List<Map<String, Object>> pool = shown();

        long size = (Long) engine.jsAsync("const m = await import('/js/hash-pool.js'); return m.poolSize();");
        long workersGivenFiles = (Long) engine.js("return new Set(window.poolLog.posted.filter((m) => m.type === 'file')"
                + ".map((m) => m.w)).size;");
        System.out.printf("%s: pool of %d workers (%d cores), %d of them hashed %d files%n", name, size,
                engine.js("return navigator.hardwareConcurrency;"), workersGivenFiles, files.size());
        assertThat(workersGivenFiles).as("files chosen together start on as many workers as the pool has")
                .isEqualTo(Math.min(size, files.size()));
        assertThat((Long) engine.js("return window.poolLog.maxBusy;")).as("most workers busy at once")
                .isEqualTo(Math.min(size, files.size()));

        HashPage.chooseInOwnInput(engine, "one-worker", files);
        engine.js("""
                window.oneWorker = null;
                import('/js/hash-pool.js').then(({ HashPool }) => {
                  const files = [...document.getElementById('one-worker').files];
                  const results = new Array(files.length);
                  let left = files.length;
                  const pool = new HashPool({ size: 1, onMessage: ({ data: d }) => {
                    if (d.type !== 'done' && d.type !== 'error') return;
                    const r = d.type === 'done' ? d.result : null;
                    results[d.id] = r && { md5: r.md5, pdq: r.pdq, vpdq: r.vpdq ? JSON.stringify(r.vpdq) : null };
                    if (--left === 0) window.oneWorker = results;
                  } });
                  files.forEach((f, i) => pool.add(i, f));
                });""");
        engine.waitFor("window.oneWorker", HASHING, "files hashed by one worker");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> one = (List<Map<String, Object>>) engine.js("return window.oneWorker;");

        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> row = pool.get(i);
            Map<String, Object> single = one.get(i);
            String file = files.get(i).getFileName().toString();
            assertThat(row.get("name")).as("list order").isEqualTo(file);
            if (file.endsWith(".txt")) {
                assertThat(row.get("state")).as("neither a picture nor a video: only this exact file")
                        .isEqualTo(Messages.of("en").get("hashOtherKind"));
            }
            assertThat(single).as("one worker hashed %s", file).isNotNull();
            assertThat(row.get("md5")).as("MD5 of %s: pool = one worker", file).isEqualTo(single.get("md5"));
            assertThat(row.get("pdq")).as("PDQ of %s: pool = one worker", file).isEqualTo(single.get("pdq"));
            assertThat(row.get("vpdq")).as("vPDQ frames of %s: pool = one worker", file).isEqualTo(single.get("vpdq"));
            FileHasher.Result cli = FileHasher.hash(files.get(i));
            assertThat(row.get("md5")).as("MD5 of %s: pool = CLI", file).isEqualTo(cli.md5);
            if (file.endsWith(".png")) {
                String vector = files.get(i).getParent().getFileName() + "/" + file;
                int known = PdqVectorsBrowserTest.KNOWN.getOrDefault(name, Map.of()).getOrDefault(vector, 0);
                assertThat(PdqHash.distance((String) row.get("pdq"), cli.pdq.hash().toHex()))
                        .as("PDQ of %s: pool = CLI (or the engine's known deviation)", file).isLessThanOrEqualTo(known);
            }
        }
        assertThat(JSON.readTree((String) pool.get(2).get("vpdq")).size()).as("the video's frames").isPositive();
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void poolHasOneWorkerPerCoreAtMostFourAndAtMostOnePerGibOfDeviceMemory(String name) throws Exception {
        start(name);
        engine.open(hashPage.toString());
        String size = """
                const define = (name, value) => Object.defineProperty(Navigator.prototype, name,
                  { get: () => value, configurable: true });
                define('hardwareConcurrency', arguments[0]);
                define('deviceMemory', arguments[1]);
                const { poolSize } = await import('/js/hash-pool.js');
                return poolSize();""";
        assertThat(engine.jsAsync(size, 1, null)).isEqualTo(1L);
        assertThat(engine.jsAsync(size, 2, null)).isEqualTo(2L);
        assertThat(engine.jsAsync(size, 6, null)).as("capped for memory").isEqualTo(4L);
        assertThat(engine.jsAsync(size, 64, 8)).isEqualTo(4L);
        assertThat(engine.jsAsync(size, 8, 2)).as("one worker per GiB of device memory").isEqualTo(2L);
        assertThat(engine.jsAsync(size, 8, 0.5)).isEqualTo(1L);
        assertThat(engine.jsAsync(size, null, null)).as("cores unknown").isEqualTo(1L);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void removingAVideoMidHashStopsItsWorkAtOnceAndEnablesSend(String name) throws Exception {
        Ffmpeg.require("video test");
        Path video = clip("long.mp4", 120, "-c:v", "libx264", "-preset", "ultrafast", "-g", "50");
        removeMidHash(name, video, 2);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void removingAVideoDecodedOnThePageMidHashSendsNoMoreFramesAndEnablesSend(String name) throws Exception {
        Ffmpeg.require("video test");
        Path video = clip("long.webm", 60, "-c:v", "libvpx-vp9", "-b:v", "200k", "-deadline", "realtime",
                "-cpu-used", "8");
        long framesSent = removeMidHash(name, video, 2);
        assertThat(framesSent).as("frames the page sent before the removal (the <video> fallback was used)")
                .isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void removingAPhotoMidHashStopsItsWorkAtOnceAndEnablesSend(String name) throws Exception {
        Path photo = tmp.resolve("photo.jpg");
        CameraPhotos.writeJpeg(photo, 4000, 3000, 1);
        removeMidHash(name, photo, 0);
    }

    /**
     * A small photo is hashed first; then {@code file} is chosen and removed from within the handler of
     * its first progress message with at least {@code seconds} video seconds hashed; then another photo
     * is chosen and hashed. Returns how many frames the page sent for the removed file before removal.
     */
    private long removeMidHash(String name, Path file, int seconds) throws Exception {
        start(name);
        engine.open(hashPage.toString());
        engine.js(RECORD);
        choose(List.of(Vectors.file("pdq/images/misc-images/c.png")));
        waitHashed(1);
        engine.js(REMOVE_MID_HASH, 2, seconds);
        choose(List.of(file));
        engine.waitFor("window.poolLog.removed || window.poolLog.finishedFirst", HASHING, "the file was removed mid-hash");
        assertThat(engine.js("return window.poolLog.finishedFirst || null;"))
                .as("the file ended (done or error) before it reported %d video seconds, so it couldn't be removed mid-hash",
                        seconds).isNull();
        assertThat(engine.js("return window.poolLog.sendEnabled;")).as("Send enabled in the click that removed it")
                .isEqualTo(true);
        assertThat(rows()).isEqualTo(1);

        Path next = Vectors.file("pdq/images/misc-images/wee.jpg");
        choose(List.of(next));
        waitHashed(2);
        String after = "i >= log.removed.%s && m.id === 2";
        long postedAfter = count("posted", after.formatted("posted"));
        long receivedAfter = count("received", after.formatted("received"));
        long framesBefore = count("posted", "i < log.removed.posted && m.id === 2 && m.type === 'frame'");
        System.out.printf("%s: removed %s mid-hash after %d frames sent from the page; afterwards %d messages "
                        + "posted and %d received about it; %d workers terminated%n", name, file.getFileName(),
                framesBefore, postedAfter, receivedAfter, (Long) engine.js("return window.poolLog.terminated;"));
        assertThat(postedAfter).as("messages (frames included) posted to a worker about the removed file afterwards")
                .isZero();
        assertThat(receivedAfter).as("messages from a worker about the removed file afterwards").isZero();
        List<Map<String, Object>> rows = shown();
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("c.png", "wee.jpg");
        assertThat(rows.get(1).get("md5")).as("the next file is hashed by the pool").isEqualTo(FileHasher.hash(next).md5);
        assertThat(engine.js("return document.getElementById('submit-hashes').disabled;")).isEqualTo(false);
        return framesBefore;
    }
}
