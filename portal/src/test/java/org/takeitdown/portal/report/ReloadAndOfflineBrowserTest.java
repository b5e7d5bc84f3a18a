package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;

/**
 * The teen's path when the page is opened again or the connection drops: a reload after adding files or
 * withdrawing shows a page of the site (never a new case, never a browser error), picked files not sent yet
 * warn before leaving, and a form sent without a connection stays with its answers and says so.
 */
@Tag("browser")
@QuarkusTest
class ReloadAndOfflineBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;

    private CaseApi.Created newCase() {
        return cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
    }

    /** Starts {@code engine} on a phone-sized window showing case {@code c}, checked through the status form. */
    private Engine onPhoneShowing(String engine, CaseApi.Created c) throws Exception {
        Engine e = Engines.start(engine);
        try {
            e.viewport(390, 844);
            checkCase(e, c);
            return e;
        } catch (RuntimeException | Error failed) {
            e.close();
            throw failed;
        }
    }

    /** Types the case into the status form and checks it; the case shows when this returns. */
    private void checkCase(Engine e, CaseApi.Created c) {
        e.open(root + "cases/status");
        e.type("#caseNumber", c.caseNumber());
        e.type("#caseKey", c.caseKey());
        e.click("#check");
        e.waitFor("document.getElementById('add-more')", Duration.ofSeconds(10), "the case shows");
    }

    /** Reloads the page as the reload button would and waits until the new document has loaded. */
    private static void reload(Engine e) throws InterruptedException {
        e.js("window.beforeReload = true; setTimeout(() => location.reload(), 0); return true;");
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                if (Boolean.TRUE.equals(e.js("return !window.beforeReload && document.readyState === 'complete';"))) {
                    return;
                }
            } catch (RuntimeException navigating) {
                // The old document is going away; ask the new one.
            }
            assertThat(System.nanoTime()).as(e.name() + ": the page reloads").isLessThan(end);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void reloadingTheAddFilesPageAsksForTheNumberAndKeyAgainAndNeverBecomesTheNewCasePage(String engine)
            throws Exception {
        CaseApi.Created c = newCase();
        try (Engine e = onPhoneShowing(engine, c)) {
            e.click("#add-more");
            e.waitFor("document.getElementById('adding-to')", Duration.ofSeconds(10), "the add-files page shows");
            assertThat(e.url()).endsWith("/hash/add").doesNotContain(c.caseKey());
            reload(e);
            assertThat(e.js("return document.getElementById('hasher') === null")).as("no new-case page").isEqualTo(true);
            assertThat(e.text("#add-again")).contains("type your case number and case key again");
            assertThat(e.js("return document.getElementById('quick-exit') !== null")).isEqualTo(true);
            e.type("#caseNumber", c.caseNumber());
            e.type("#caseKey", c.caseKey());
            e.click("#add-continue");
            e.waitFor("document.getElementById('adding-to')", Duration.ofSeconds(10), "the add-files page shows again");
            assertThat(e.text("#adding-to")).contains(c.caseNumber());
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void reloadingAfterWithdrawingOrItsErrorShowsTheStatusFormWithQuickExit(String engine) throws Exception {
        CaseApi.Created c = newCase();
        try (Engine e = onPhoneShowing(engine, c)) {
            e.click("#withdraw");
            e.waitFor("document.getElementById('withdraw-error')", Duration.ofSeconds(10), "the tick is asked for");
            reload(e);
            assertThat(e.js("return document.getElementById('caseKey') !== null"
                    + " && document.getElementById('quick-exit') !== null")).as("the status form").isEqualTo(true);

            checkCase(e, c);
            e.click("#withdraw-confirm");
            e.click("#withdraw");
            e.waitFor("document.getElementById('withdrawn-message')", Duration.ofSeconds(10), "the case is withdrawn");
            reload(e);
            assertThat(e.js("return document.getElementById('caseKey') !== null"
                    + " && document.getElementById('quick-exit') !== null")).as("the status form").isEqualTo(true);
            assertThat(e.url()).endsWith("/cases/status");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void pickedFilesNotSentYetWarnBeforeLeavingOrFollowingALinkAndQuickExitStillLeavesAtOnce(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(390, 844);
            e.open(root + "hash");
            e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
            assertThat(HashPage.leavingIsHeldBack(e)).as("nothing picked, nothing to lose").isFalse();
            e.setFiles("#file-input", List.of(Vectors.file("pdq/images/misc-images/c.png")));
            e.waitFor("document.querySelector('#file-list details')", Duration.ofSeconds(60), "the picture is hashed");
            assertThat(HashPage.leavingIsHeldBack(e)).as("a hashed file not sent yet").isTrue();

            e.js("window.asked = []; window.confirm = (text) => { window.asked.push(text); return false; }; return true;");
            e.click("nav a[href^='/help']");
            assertThat(e.js("return window.asked")).as("a link asks in the page's words, as Safari would not")
                    .isEqualTo(List.of("Leave this page? The files you picked haven't been sent yet. If you want them sent,"
                            + " stay and tap \"Send the hashes\" first."));
            assertThat(e.url()).endsWith("/hash");
            assertThat(e.js("return document.querySelectorAll('#file-list details').length")).isEqualTo(1L);

            e.click("#quick-exit");
            TeenPathBrowserTest.awaitLeft(e, root);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void withoutAConnectionTheQuestionsAndLinksStayOnTheSitesPageWithQuickExitAndSaySo(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(390, 844);
            e.open(root + "start");
            e.waitFor("document.readyState === 'complete'", Duration.ofSeconds(10), "the questions load");
            e.js("Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false}); return true;");
            e.click("#age-under");
            e.click("#start-continue");
            e.waitFor("document.querySelector('#start-form .offline')", Duration.ofSeconds(10), "the questions say so");
            assertThat(e.text("#start-form .offline")).isEqualTo(
                    "No connection. What you typed is still here. Please try again when you're back online.");
            assertThat(e.url()).endsWith("/start");
            assertThat(e.js("return document.getElementById('age-under').checked")).isEqualTo(true);

            e.click("nav.nav a[href*='help']");
            e.waitFor("document.querySelector('#main > .offline')", Duration.ofSeconds(10), "a link says so too");
            assertThat(e.text("#main > .offline"))
                    .isEqualTo("No connection, so that page can't open yet. Please try again when you're back online.");
            assertThat(e.url()).endsWith("/start");
            assertThat(e.js("return document.getElementById('quick-exit') !== null")).isEqualTo(true);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void withoutAConnectionEachFormOfTheStatusPagesStaysAndSaysWhatNoAnswerMeansForIt(String engine) throws Exception {
        CaseApi.Created c = newCase();
        try (Engine e = Engines.start(engine)) {
            e.viewport(390, 844);
            e.open(root + "cases/status");
            e.type("#caseNumber", c.caseNumber());
            e.type("#caseKey", c.caseKey());
            e.js("window.online = window.fetch;"
                    + " window.fetch = () => Promise.reject(new TypeError('Failed to fetch')); return true;");
            e.click("#check");
            e.waitFor("document.querySelector('form .offline')", Duration.ofSeconds(10), "the page says so");
            assertThat(e.text("form .offline")).isEqualTo(
                    "No connection. What you typed is still here. Please try again when you're back online.");
            assertThat(e.js("return document.activeElement.classList.contains('offline')")).isEqualTo(true);
            assertThat(e.js("return document.querySelector('form .offline').getAttribute('role')")).isEqualTo("alert");
            assertThat(e.url()).endsWith("/cases/status");
            assertThat(e.js("return [document.getElementById('caseNumber').value,"
                    + " document.getElementById('caseKey').value]")).isEqualTo(List.of(c.caseNumber(), c.caseKey()));

            e.js("window.fetch = window.online; return true;");
            e.click("#check");
            e.waitFor("document.getElementById('add-more')", Duration.ofSeconds(10), "the case shows once back online");
            e.js("window.fetch = () => Promise.reject(new TypeError('Failed to fetch')); return true;");
            e.click("#add-more");
            e.waitFor("document.querySelector('form .offline')", Duration.ofSeconds(10), "adding files says so too");
            assertThat(e.js("return document.getElementById('withdraw') !== null")).as("still the case").isEqualTo(true);
            assertThat(e.text("form .offline")).as("nothing was typed; adding files changes nothing")
                    .isEqualTo("No connection. Nothing was changed. Please try again when you're back online.");
            e.click("#withdraw-confirm");
            e.click("#withdraw");
            e.waitFor("document.querySelector('form.card .offline')", Duration.ofSeconds(10), "withdrawing says so too");
            assertThat(e.text("form.card .offline")).as("the withdrawal may have reached the server")
                    .isEqualTo("No connection, so we can't tell if your case was withdrawn. Please try again when you're "
                            + "back online.");
        }
    }
}
