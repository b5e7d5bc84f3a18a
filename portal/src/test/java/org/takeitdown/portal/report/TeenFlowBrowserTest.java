package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.web.RequestBodies;
import org.takeitdown.portal.web.RequestBytes;
import org.takeitdown.portal.web.SharedRuns;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;
import org.takeitdown.portal.web.engine.SeleniumEngine;

/**
 * The whole teen flow in Chromium, Firefox ESR and WebKitGTK: the page's hashes equal the CLI's, then the
 * case life cycle. The server keeps every request body to prove that no part of a file leaves the device;
 * in Chromium, DevTools records what the browser sent as well, and both must agree.
 */
@Tag("browser")
@QuarkusTest
class TeenFlowBrowserTest extends EngineFixture {
    private static final int RUN = 64;
    private static final long FLOW_BUDGET = 64 * 1024;
    private static final String ROWS = "document.querySelectorAll('#file-list li')";
    private static final String LEFT_OUT = "This file is empty or isn't a real picture or video, so it will be left out."
            + " You don't need to do anything.";

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

    private void chooseFiles(List<Path> files) {
        engine.waitVisible("#drop-zone", Duration.ofSeconds(10));
        long before = (Long) engine.js("return " + ROWS + ".length;");
        engine.setFiles("#file-input", files);
        engine.waitFor("document.querySelectorAll('#file-list li details').length"
                + " + document.querySelectorAll('#file-list li .state.error, #file-list li .state.left-out').length >= "
                + (before + files.size()),
                Duration.ofSeconds(120), "every file hashed or marked");
    }

    /** The text of {@code css} inside row {@code row} of the file list, or null. */
    private String inRow(int row, String css) {
        return (String) engine.js("const c = " + ROWS + "[arguments[0]].querySelector(arguments[1]);"
                + " return c ? c.textContent.trim() : null;", row, css);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void teenHashesOnDeviceSubmitsChecksAddsAndWithdraws(String name) throws Exception {
        start(name);
        List<Path> files = List.of(
                Vectors.file("pdq/images/bridge-mods/aaa-orig.jpg"),
                Vectors.file("pdq/images/misc-images/c.png"),
                Vectors.file("vpdq/videos/doorknob-hd-no-bar.mp4"));
        devTools = engine instanceof SeleniumEngine s && s.driver() instanceof ChromeDriver chrome
                ? RequestBodies.record(chrome) : null;
        server.keepBodies();
        engine.open(root.toString());
        long history = (Long) engine.js("return history.length;");
        engine.click("#get-started");
        engine.waitFor("location.pathname.endsWith('/start')", Duration.ofSeconds(10), "the start page");
        engine.click("#age-under");
        engine.click("#who-me");
        engine.click("#start-continue");
        engine.waitFor("location.pathname.endsWith('/hash')", Duration.ofSeconds(10), "the hashing page");
        assertThat(engine.js("return history.length;")).as("flow steps replace history entries").isEqualTo(history);

        chooseFiles(files);
        assertThat(engine.js("return " + ROWS + ".length;")).isEqualTo(3L);
        for (int i = 0; i < files.size(); i++) {
            FileHasher.Result cli = FileHasher.hash(files.get(i));
            assertThat(inRow(i, "code.md5")).as(files.get(i).toString()).isEqualTo(cli.md5);
            String pdq = inRow(i, "code.pdq");
            if (cli.pdq == null) {
                assertThat(pdq).isNull();
            } else if (files.get(i).toString().endsWith(".png")) {
                assertThat(pdq).isEqualTo(cli.pdq.hash().toHex());
            } else {
                int d = PdqHash.distance(pdq, cli.pdq.hash().toHex());
                System.out.println(name + " JPEG decode vs ImageIO: " + d + " bits for " + files.get(i).getFileName());
                assertThat(d).isLessThanOrEqualTo(10);
            }
        }

        engine.click("#submit-hashes");
        engine.waitVisible("#case-number", Duration.ofSeconds(30));
        String number = engine.text("#case-number");
        String key = engine.text("#case-key");
        assertThat(number).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
        assertThat(engine.url()).doesNotContain(number).doesNotContain(key.replace("-", ""));
        assertThat(engine.js("return history.length;")).isEqualTo(history);
        engine.click("#saved-key");

        checkStatus(number, key, "3");
        engine.click("#add-more");
        engine.waitFor("document.getElementById('adding-to')", Duration.ofSeconds(10), "the add-files page");
        assertThat(engine.url()).doesNotContain(number);
        chooseFiles(List.of(Vectors.file("pdq/images/misc-images/wee.jpg")));
        engine.click("#submit-hashes");
        engine.waitVisible("#receipt-title", Duration.ofSeconds(30));
        engine.click("#saved-key");

        checkStatus(number, key, "4");
        engine.click("#withdraw-confirm");
        engine.click("#withdraw");
        engine.waitFor("document.getElementById('withdrawn-message')", Duration.ofSeconds(10), "the withdrawn message");
        checkStatus(number, key, "4");
        assertThat(engine.text("#status-state")).isEqualTo("Withdrawn");

        List<Path> all = new ArrayList<>(files);
        all.add(Vectors.file("pdq/images/misc-images/wee.jpg"));
        assertNoFileContentSent(all, FileHasher.hash(files.get(0)).md5, devTools);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void anEmptyFileIsLeftOutAtPickTimeAsIsAFileOfNoPictureAndSendMakesTheCaseFromTheRestAndSaysSo(String name)
            throws Exception {
        start(name);
        Path empty = Files.createTempFile("nothing", ".txt");
        Path lineBreak = Files.writeString(Files.createTempFile("line", ".txt"), "\n", StandardCharsets.US_ASCII);
        try {
            engine.open(root + "hash");
            engine.waitVisible("#drop-zone", Duration.ofSeconds(10));
            engine.setFiles("#file-input", List.of(empty));
            engine.waitFor(ROWS + ".length === 1 && " + ROWS + "[0].querySelector('.state.left-out')",
                    Duration.ofSeconds(10), "the empty file's note");
            assertThat(inRow(0, ".state")).isEqualTo(LEFT_OUT);
            assertThat(inRow(0, "details")).as("never hashed").isNull();
            assertThat(engine.js("const b = " + ROWS + "[0].querySelector('button.remove');"
                    + " return document.getElementById(b.getAttribute('aria-describedby')).textContent;"))
                    .as("the Remove button names its file to a screen reader").isEqualTo(empty.getFileName().toString());
            assertThat(engine.js("return " + ROWS + "[0].querySelector('progress').value === 100;")).isEqualTo(true);
            engine.click("#submit-hashes");
            assertThat(engine.text("#submit-message")).as("a file was chosen: not 'choose at least one file'")
                    .isEqualTo("None of the files you chose could be read, so there's nothing to send yet. You can choose"
                            + " other files.");

            chooseFiles(List.of(Vectors.file("pdq/images/misc-images/c.png"), lineBreak));
            assertThat(inRow(2, ".state")).isEqualTo(LEFT_OUT);
            assertThat(inRow(2, "details")).as("its hashing stopped at its MD5").isNull();
            assertThat(inRow(1, ".state")).doesNotContain("left out");
            engine.waitFor("!document.getElementById('submit-hashes').disabled", Duration.ofSeconds(30), "Send is enabled");
            engine.click("#submit-hashes");
            engine.waitVisible("#case-number", Duration.ofSeconds(30));
            assertThat(engine.text("#not-in")).as("the receipt says which files are not in the case")
                    .isEqualTo("Not in your case, because they couldn't be read or aren't pictures or videos: 2.");
            engine.click("#saved-key");
            checkStatus(engine.text("#case-number"), engine.text("#case-key"), "1");
        } finally {
            Files.delete(empty);
            Files.delete(lineBreak);
        }
    }

    /**
     * No request body the server received holds any 64-byte run of any selected file, and the whole flow
     * sends < 64 KiB; the record is not empty (the case's body holds the first file's MD5). In Chromium,
     * DevTools saw the same body bytes leave the browser.
     */
    private void assertNoFileContentSent(List<Path> files, String firstMd5, RequestBodies devTools) throws Exception {
        List<RequestBytes.Received> received = server.received();
        assertThat(received).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/api/cases"))
                .as("the case was sent, and its body kept").singleElement()
                .satisfies(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(firstMd5));
        List<byte[]> bodies = received.stream().map(RequestBytes.Received::body).toList();
        for (Path file : files) {
            assertThat(SharedRuns.firstShared(Files.readAllBytes(file), bodies, RUN))
                    .as("offset of a %d-byte run of %s found in a request body", RUN, file.getFileName())
                    .isEqualTo(-1);
        }
        long keptBodyBytes = bodies.stream().mapToLong(b -> b.length).sum();
        long total = server.headBytes() + server.bodyBytes();
        System.out.printf("Privacy proof in %s: %d requests, %d bytes received by the server (%d in bodies, all kept)%n",
                engine.name(), server.requests(), total, keptBodyBytes);
        assertThat(keptBodyBytes).as("kept bodies are every body byte received").isEqualTo(server.bodyBytes());
        assertThat(total).as("bytes the whole flow sent").isLessThan(FLOW_BUDGET);
        if (devTools != null) {
            assertThat(devTools.all()).filteredOn(s -> s.method().equals("POST")).extracting(RequestBodies.Sent::url)
                    .anyMatch(u -> u.endsWith("/api/cases"));
            List<byte[]> sent = devTools.all().stream().map(RequestBodies.Sent::body).toList();
            for (Path file : files) {
                assertThat(SharedRuns.firstShared(Files.readAllBytes(file), sent, RUN)).as(file.getFileName().toString())
                        .isEqualTo(-1);
            }
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.bodyBytes() < devTools.bodyBytes() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            System.out.printf("DevTools saw %d body bytes in %d requests%n", devTools.bodyBytes(), devTools.all().size());
            assertThat(server.bodyBytes()).as("server and browser agree on body bytes").isEqualTo(devTools.bodyBytes());
        }
    }

    private void checkStatus(String number, String key, String items) {
        engine.open(root + "cases/status");
        engine.type("#caseNumber", number);
        engine.type("#caseKey", key);
        engine.click("#check");
        engine.waitFor("document.getElementById('status-items')", Duration.ofSeconds(10), "the case's status");
        assertThat(engine.text("#status-items")).isEqualTo(items);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void theHashingPageLeadsBackToTheQuestionsInPlaceWithoutAHistoryEntry(String name) throws Exception {
        start(name);
        engine.open(root + "start");
        long history = (Long) engine.js("return history.length;");
        engine.click("#who-me");
        engine.click("#age-under");
        engine.click("#start-continue");
        engine.waitFor("location.pathname.endsWith('/hash')", Duration.ofSeconds(10), "the hashing page");
        assertThat(engine.text("#change-answers")).isEqualTo("Go back to the questions");
        engine.js("document.getElementById('change-answers').focus(); return true;");
        assertThat(engine.js("return document.activeElement.id;")).as("keyboard reachable").isEqualTo("change-answers");
        engine.click("#change-answers");
        engine.waitFor("location.pathname.endsWith('/start') && document.getElementById('start-form')",
                Duration.ofSeconds(10), "the questions again");
        assertThat(engine.js("return history.length;")).as("no history entry added").isEqualTo(history);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void adultPathLandsOnStopNcii(String name) throws Exception {
        start(name);
        engine.open(root + "start");
        long history = (Long) engine.js("return history.length;");
        engine.click("#age-over");
        engine.click("#start-continue");
        engine.waitFor("location.pathname.endsWith('/adult')", Duration.ofSeconds(10), "the page for adults");
        assertThat(engine.js("return history.length;")).isEqualTo(history);
        assertThat(engine.js("return document.getElementById('stopncii').href;")).isEqualTo("https://stopncii.org/");
    }
}
