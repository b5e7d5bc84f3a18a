package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Browser;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;
import org.takeitdown.portal.web.engine.SeleniumEngine;

/**
 * The teen's path in every engine: keeping the key (copy, save, the leaving warning until ticked, wiped on
 * pagehide), the add-files receipt, Quick exit by Shift×3 leaving nothing behind Back, and the rate-limit
 * message from Retry-After.
 */
@Tag("browser")
@QuarkusTest
class TeenPathBrowserTest {
    /** Case keys are shown in even groups: 26 characters as 5-5-4-4-4-4, never a lone character. */
    private static final String GROUPED_KEY = "[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{4}){4}";

    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;


    /** The text of every heading on the page that is not hidden, in document order. */
    @SuppressWarnings("unchecked")
    static List<String> visibleHeadings(Engine e) {
        return (List<String>) e.js("return [...document.querySelectorAll('h1, h2, h3')]"
                + ".filter((h) => h.getClientRects().length > 0).map((h) => h.textContent.trim());");
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void theReceiptHelpsKeepTheKeyWarnsBeforeLeavingUntilTickedAndWipesItOnPagehide(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(360, 740);
            e.open(root + "hash");
            e.js("window.copied = [];"
                    + " Object.defineProperty(navigator, 'clipboard', {configurable: true,"
                    + "   value: {writeText: async (text) => { window.copied.push(text); }}});"
                    + " window.saved = [];"
                    + " const make = URL.createObjectURL.bind(URL);"
                    + " URL.createObjectURL = (blob) => { window.savedBlob = blob; return make(blob); };"
                    + " HTMLAnchorElement.prototype.click = function () { window.saved.push(this.download); };"
                    + " return true;");
            HashPage.sendOnePicture(e);
            String number = e.text("#case-number");
            String key = e.text("#case-key");
            assertThat(number).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
            assertThat(key).matches(GROUPED_KEY);
            assertThat(e.js("return document.activeElement.id")).isEqualTo("receipt-title");
            assertThat(visibleHeadings(e)).as("the only heading shown says what happened")
                    .containsExactly("We got the hashes of your files");
            assertThat(e.title()).isEqualTo("We got the hashes of your files · Help center");
            assertThat(e.text("#tick-first")).contains("tick the box");

            e.click("#copy-key");
            e.waitFor("window.copied.length === 1", Duration.ofSeconds(5), "the key is copied");
            e.click("#copy-number");
            e.waitFor("window.copied.length === 2", Duration.ofSeconds(5), "the number is copied");
            assertThat(e.js("return window.copied")).isEqualTo(List.of(key, number));
            assertThat(e.text("#copy-status")).startsWith("Copied.");

            e.click("#save-file");
            assertThat(e.js("return window.saved")).isEqualTo(List.of("notes.txt"));
            assertThat((String) e.jsAsync("return await window.savedBlob.text();"))
                    .contains("Case number: " + number).contains("Case key: " + key);

            assertThat(HashPage.leavingIsHeldBack(e)).as("leaving warns before the key is saved").isTrue();
            e.click("#saved-key");
            assertThat(HashPage.leavingIsHeldBack(e)).as("leaving no longer warns once ticked").isFalse();

            String bare = key.replace("-", "");
            assertThat(e.url()).doesNotContain(number).doesNotContain(bare);
            @SuppressWarnings("unchecked")
            Map<String, Object> kept = (Map<String, Object>) e.js("return {state: JSON.stringify(history.state),"
                    + " local: localStorage.length, session: sessionStorage.length};");
            assertThat(kept).containsEntry("state", "null").containsEntry("local", 0L).containsEntry("session", 0L);

            e.js("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true})); return true;");
            String html = (String) e.js("return document.documentElement.outerHTML;");
            assertThat(html).doesNotContain(key).doesNotContain(bare).doesNotContain(number);
        }
    }

    /** Chromium only: print media is emulated through DevTools; a browser of its own, as that setting would outlast the test. */
    @Test
    void aPrintedReceiptHoldsTheNumberKeyAndWhatHappensNextButNoInstructionForTheScreen() throws Exception {
        try (Engine e = new SeleniumEngine("chromium", Browser.start(), () -> { })) {
            e.open(root + "hash");
            HashPage.sendOnePicture(e);
            String number = e.text("#case-number");
            String key = e.text("#case-key");
            ChromeDriver chrome = (ChromeDriver) ((SeleniumEngine) e).driver();
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            String printed = (String) e.js("return document.body.innerText;");
            assertThat(printed).contains(number).contains(key).contains("What happens next")
                    .doesNotContain("tick the box").doesNotContain("use a button").doesNotContain("Copy")
                    .doesNotContain("Quick exit").doesNotContain("Send the hashes");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void onTheReceiptALinkAwayAsksInThePagesOwnWordsUntilTheKeyIsSavedButNotWhenOfflineKeepsThePage(String engine)
            throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(360, 740);
            e.open(root + "hash");
            HashPage.sendOnePicture(e);
            e.js("window.asked = []; window.answer = true;"
                    + " window.confirm = (text) => { window.asked.push(text); return window.answer; };"
                    + " window.offline = true; Object.defineProperty(navigator, 'onLine', {configurable: true,"
                    + " get: () => !window.offline}); return true;");
            e.click("#receipt a[href*='what-happens-next']");
            assertThat(e.js("return window.asked")).as("offline, the link is not followed, so nothing to ask").isEqualTo(List.of());
            assertThat(e.text("#main > .offline")).startsWith("No connection");
            assertThat(HashPage.leavingIsHeldBack(e)).as("the key is still unsaved, so leaving still warns").isTrue();

            e.js("window.offline = false; window.answer = false; return true;");
            e.click("#receipt a[href*='what-happens-next']");
            assertThat(e.js("return window.asked")).isEqualTo(List.of("Leave this page? Your case number and key won't be "
                    + "shown here again. If you haven't saved them yet, stay and save them first."));
            assertThat(e.url()).endsWith("/hash");
            assertThat(e.js("return document.getElementById('receipt').hidden")).as("the receipt stays").isEqualTo(false);

            e.click("#saved-key");
            e.click("#receipt a[href*='what-happens-next']");
            e.waitFor("location.pathname.endsWith('/what-happens-next')", Duration.ofSeconds(10), "the link is followed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void sendingOnADeviceThatKnowsItIsOfflineSendsNothingAndSaysSoPlainly(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(360, 740);
            e.open(root + "hash");
            HashPage.pickOnePicture(e);
            e.js("window.offline = true; Object.defineProperty(navigator, 'onLine', {configurable: true,"
                    + " get: () => !window.offline}); window.fetches = 0; const real = window.fetch;"
                    + " window.fetch = (...args) => { window.fetches++; return real(...args); }; return true;");
            e.click("#submit-hashes");
            assertThat(e.text("#submit-message")).isEqualTo("No connection, so nothing was sent yet. Your files are still "
                    + "here. Tap \"Send the hashes\" again when you're back online.");
            assertThat(e.js("return window.fetches")).isEqualTo(0L);
            assertThat(e.js("return [...document.querySelectorAll('#file-list button')].some((b) => b.disabled)"))
                    .as("the list can still change").isEqualTo(false);

            e.js("window.offline = false; return true;");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", Duration.ofSeconds(30), "sent once back online");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void addingFilesShowsTheSameKeyOnceAndSaysItIsNotNew(String engine) throws Exception {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        String typed = String.join("-", c.caseKey().split("(?<=\\G.{5})"));
        try (Engine e = Engines.start(engine)) {
            e.open(root + "cases/status");
            e.type("#caseNumber", c.caseNumber());
            e.type("#caseKey", typed);
            e.click("#check");
            e.waitFor("document.getElementById('add-more')", Duration.ofSeconds(10), "the case shows");
            e.click("#add-more");
            e.waitFor("document.getElementById('adding-to') && !document.getElementById('hasher').hidden",
                    Duration.ofSeconds(10), "the add-files page shows and its script has run");
            assertThat(e.js("return document.documentElement.outerHTML.includes(arguments[0])", c.caseKey()))
                    .as("the key is not left in the page's markup").isEqualTo(false);
            HashPage.sendOnePicture(e);
            assertThat(e.text("#case-key")).matches(GROUPED_KEY).isEqualTo(grouped(c.caseKey()));
            assertThat(e.js("return document.activeElement.id")).isEqualTo("receipt-title");
            assertThat(visibleHeadings(e)).as("the only heading shown says the files were added")
                    .containsExactly("We added the hashes to your case");
            assertThat(e.title()).isEqualTo("We added the hashes to your case · Help center");
            assertThat(e.js("return document.getElementById('same-key').hidden")).isEqualTo(false);
            assertThat(e.text("#same-key")).contains("not a new one");
            e.click("#saved-key");
        }
    }

    private static String grouped(String key) {
        String bare = key.replace("-", "").toUpperCase();
        return bare.substring(0, 5) + "-" + bare.substring(5, 10) + "-" + bare.substring(10, 14) + "-"
                + bare.substring(14, 18) + "-" + bare.substring(18, 22) + "-" + bare.substring(22, 26);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void shiftThreeTimesLeavesAndBackShowsNoPortalPage(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root.toString());
            long history = ((Number) e.js("return history.length")).longValue();
            e.click("nav a[href^='/how-it-works']");
            e.waitFor("location.pathname === '/how-it-works'", Duration.ofSeconds(10), "How it works opens");
            e.click("nav a[href^='/help']");
            e.waitFor("location.pathname === '/help'", Duration.ofSeconds(10), "Help opens");
            e.js("document.querySelector('a.skip').click(); return true;");
            assertThat(e.js("return document.activeElement.id")).as("the skip link focuses the content").isEqualTo("main");
            assertThat(((Number) e.js("return history.length")).longValue())
                    .as("steps in the site, the skip link included, replace the history entry").isEqualTo(history);

            e.pressKeys(Engine.SHIFT, Engine.SHIFT, "a", Engine.SHIFT);
            Thread.sleep(500);
            assertThat(e.url()).as("another key between the Shifts starts the count again").startsWith(root.toString());

            e.pressKeys(Engine.SHIFT, Engine.SHIFT, Engine.SHIFT);
            awaitLeft(e, root);
            e.back();
            Thread.sleep(500);
            assertThat(e.url()).as("Back after Quick exit").doesNotStartWith(root.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void quickExitFromAnUnsavedReceiptLeavesAtOnceWithoutAsking(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root + "hash");
            HashPage.sendOnePicture(e);
            e.click("#quick-exit");
            awaitLeft(e, root);
            e.back();
            Thread.sleep(500);
            assertThat(e.url()).doesNotStartWith(root.toString());
        }
    }

    /** Waits until Quick exit has taken the page away from the site at {@code root}; fails after 10 s. */
    static void awaitLeft(Engine e, URL root) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (e.url().startsWith(root.toString())) {
            assertThat(System.nanoTime()).as("Quick exit left the site").isLessThan(end);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void theAgeQuestionSpeaksToAnAdultHelpingOnceTheySayWhoTheyAre(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root + "start?lang=es");
            assertThat(e.text("#age-legend")).isEqualTo("¿Qué edad tenías en la imagen o el video?");
            e.click("#who-helper");
            assertThat(e.text("#age-legend")).isEqualTo("¿Qué edad tenía la persona en la imagen o el video?");
            e.click("#age-unsure");
            e.click("#start-continue");
            e.waitFor("!document.getElementById('unsure-help').hidden", Duration.ofSeconds(5), "the help shows");
            assertThat(e.text("#unsure-help")).startsWith("Si es posible que la persona tuviera menos de 18 años");
            e.js("window.scrollTo(0, 0); return true;");
            e.click("#who-me");
            assertThat(e.text("#age-legend")).isEqualTo("¿Qué edad tenías en la imagen o el video?");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void overALimitThePageSaysWhenToTryAgainFromRetryAfter(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root + "hash");
            HashPage.pickOnePicture(e);
            e.js("window.retryAfter = '600'; window.fetch = async () => new Response("
                    + "'{\"status\":429}', {status: 429, headers: {'Retry-After': window.retryAfter}}); return true;");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.includes('minute')",
                    Duration.ofSeconds(10), "the wait is said");
            assertThat(e.text("#submit-message")).contains("about 10 minutes").contains("Nothing was lost");
            assertThat(e.js("return document.activeElement.id")).isEqualTo("submit-message");
            e.js("window.retryAfter = '30'; return true;");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.includes('about a minute')",
                    Duration.ofSeconds(10), "one minute is said in the singular");
            assertThat(e.js("return document.getElementById('receipt').hidden")).isEqualTo(true);
        }
    }
}
