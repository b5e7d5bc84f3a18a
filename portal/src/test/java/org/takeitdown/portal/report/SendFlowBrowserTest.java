package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;

/**
 * The send flow never leaves a case whose key the teen did not see: a case made from the first part of a long
 * list shows its receipt at once and the rest is retried as additions to it; a send whose answer was lost (or
 * is still coming) holds the list as sent until sending again returns that same case.
 */
@Tag("browser")
@QuarkusTest
class SendFlowBrowserTest {
    /** Requests a page splits a list into are of at most this many items (ItemRules.MAX_PER_REQUEST). */
    private static final int PER_REQUEST = 100;
    private static final Duration HASHING = Duration.ofSeconds(120);
    private static final Duration ANSWER = Duration.ofSeconds(20);

    /**
     * Wraps the page's fetch: a request whose URL matches {@code window.loseNext} reaches the server, and its
     * answer (kept in {@code window.lost}) is then lost as a dropped connection would lose it; one matching
     * {@code window.failAll} fails before it leaves; one matching {@code window.holdNext} waits for
     * {@code window.release()}.
     */
    private static final String FLAKY_FETCH = """
            window.lost = [];
            const real = window.fetch;
            window.fetch = async (url, init) => {
              const u = String(url);
              if (window.failAll && new RegExp(window.failAll).test(u)) throw new TypeError('Failed to fetch');
              if (window.holdNext && new RegExp(window.holdNext).test(u)) {
                window.holdNext = null;
                await new Promise((resolve) => { window.release = resolve; });
              }
              const res = await real(url, init);
              if (window.loseNext && new RegExp(window.loseNext).test(u)) {
                window.loseNext = null;
                window.lost.push(await res.clone().json());
                throw new TypeError('Failed to fetch');
              }
              return res;
            };
            return true;""";

    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;

    @TempDir
    Path dir;

    /** {@code count} small files of distinct content (other kinds of file: hashed by MD5 only, quickly). */
    private List<Path> files(int count) throws Exception {
        String run = Long.toHexString(System.nanoTime());
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Files.writeString(dir.resolve("note-" + i + ".txt"), "send flow " + run + " " + i,
                    StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Opens the hashing page, wraps its fetch and picks {@code files}, waiting until each is hashed. */
    private void pick(Engine e, List<Path> files) {
        e.viewport(390, 844);
        e.open(root + "hash");
        e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
        e.js(FLAKY_FETCH);
        e.setFiles("#file-input-any", files);
        e.waitFor("document.querySelectorAll('#file-list li details').length === " + files.size(), HASHING,
                "every file hashed");
        e.waitFor("!document.getElementById('submit-hashes').disabled", ANSWER, "Send is enabled");
    }

    /** Drops one new file on the drop zone, as dragging it there would. */
    private static void dropAFile(Engine e) {
        e.js("const dt = new DataTransfer(); dt.items.add(new File(['dropped late ' + Date.now()], 'late.txt'));"
                + " document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop',"
                + " { dataTransfer: dt, bubbles: true, cancelable: true })); return true;");
    }

    /** Tries to take the first file out of the list, as tapping its Remove button would. */
    private static void removeTheFirst(Engine e) {
        e.js("document.querySelector('#file-list li .remove').click(); return true;");
    }

    private static long rows(Engine e) {
        return (Long) e.js("return document.querySelectorAll('#file-list li').length;");
    }

    private long itemsIn(Engine e) {
        CaseApi.View view = cases.view(e.js("return document.getElementById('case-number').textContent;").toString(),
                e.js("return document.getElementById('case-key').textContent;").toString());
        return view.items();
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aCaseMadeFromTheFirstPartShowsItsKeyAtOnceAndTheRestIsSentToItWhenTriedAgain(String engine)
            throws Exception {
        try (Engine e = Engines.start(engine)) {
            pick(e, files(PER_REQUEST + 2));
            e.js("window.failAll = '/items$'; return true;");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "the receipt shows though the rest failed");
            e.waitFor("!document.getElementById('send-rest').hidden", ANSWER, "the rest may be tried again");

            assertThat(e.text("#case-number")).isNotBlank();
            assertThat(e.text("#case-key")).isNotBlank();
            assertThat(e.text("#tick-first")).contains("save your case number and key");
            assertThat(e.text("#rest-message")).startsWith("Your case is made, but some files didn't send yet.")
                    .contains("Files in your case: 100.").contains("Not sent yet: 2.");
            assertThat(itemsIn(e)).isEqualTo(PER_REQUEST);

            e.js("window.failAll = null; window.loseNext = '/items$'; return true;");
            e.click("#send-rest");
            e.waitFor("window.lost.length === 1 && !document.getElementById('send-rest').hidden", ANSWER,
                    "the addition was stored, its answer lost");
            assertThat(itemsIn(e)).as("the lost answer's addition was stored").isEqualTo(PER_REQUEST + 2);
            e.click("#send-rest");
            e.waitFor("document.getElementById('rest-message').textContent.startsWith('All your files')", ANSWER,
                    "the rest is in the case");
            assertThat(e.text("#rest-message")).contains("Files in your case: 102.");
            assertThat(e.js("return document.getElementById('send-rest').hidden")).isEqualTo(true);
            assertThat(itemsIn(e)).as("sending the same addition again adds nothing").isEqualTo(PER_REQUEST + 2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void afterALostAnswerTheListStaysAsSentAndSendingAgainShowsTheCaseThatWasMade(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            pick(e, files(2));
            e.js("window.loseNext = '/api/cases$'; return true;");
            e.click("#submit-hashes");
            e.waitFor("window.lost.length === 1 && !document.getElementById('submit-hashes').disabled", ANSWER,
                    "the case was made, its answer lost");
            assertThat(e.text("#submit-message")).startsWith("The answer didn't come back")
                    .contains("taking a file out now wouldn't un-send it");

            removeTheFirst(e);
            dropAFile(e);
            assertThat(rows(e)).as("the list stays as it was sent").isEqualTo(2L);
            assertThat(e.js("return document.getElementById('file-input-any').disabled"
                    + " && document.querySelector('#file-list li .remove').disabled")).isEqualTo(true);

            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "the receipt shows");
            Object lost = e.js("return window.lost[0].caseNumber;");
            assertThat(e.text("#case-number")).as("the case the lost answer made, no second one").isEqualTo(lost);
            assertThat(itemsIn(e)).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void whileASendWaitsForItsAnswerSendStaysDisabledAndTheListCannotChange(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            pick(e, files(2));
            e.js("window.holdNext = '/api/cases$'; return true;");
            e.click("#submit-hashes");
            e.waitFor("typeof window.release === 'function'", ANSWER, "the send is held");

            dropAFile(e);
            removeTheFirst(e);
            assertThat(rows(e)).as("the list stays as it is being sent").isEqualTo(2L);
            assertThat(e.js("return document.getElementById('submit-hashes').disabled")).isEqualTo(true);
            assertThat(e.text("#submit-message")).isEqualTo("Sending…");

            e.js("window.release(); return true;");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "the receipt shows");
            assertThat(itemsIn(e)).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void addingAFileTheCaseAlreadyHoldsSaysSoOnTheReceiptAndAddsOnlyTheNewOne(String engine) throws Exception {
        List<Path> two = files(2);
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                HashPage.md5(two.get(0)), null, null))), null);
        try (Engine e = Engines.start(engine)) {
            openAddFilesPage(e, c);
            e.setFiles("#file-input-any", two);
            e.waitFor("document.querySelectorAll('#file-list li details').length === 2", HASHING, "both files hashed");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "the receipt shows");

            assertThat(e.text("#already-in")).isEqualTo("Files that were already in your case didn't need adding again."
                    + " Nothing is wrong, and there's nothing more to do for them. Already in your case: 1.");
            assertThat(itemsIn(e)).as("only the new file was added").isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void addingOnlyNewFilesSaysNothingAboutFilesAlreadyInTheCase(String engine) throws Exception {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        try (Engine e = Engines.start(engine)) {
            openAddFilesPage(e, c);
            e.setFiles("#file-input-any", files(1));
            e.waitFor("document.querySelectorAll('#file-list li details').length === 1", HASHING, "the file hashed");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "the receipt shows");
            assertThat(e.js("return document.getElementById('already-in').hidden")).isEqualTo(true);
            assertThat(itemsIn(e)).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void addingToAWithdrawnCaseSaysWhyAndOffersNoRetry(String engine) throws Exception {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        cases.withdraw(c.caseNumber(), c.caseKey());
        try (Engine e = Engines.start(engine)) {
            openAddFilesPage(e, c);
            e.setFiles("#file-input-any", files(1));
            e.waitFor("document.querySelectorAll('#file-list li details').length === 1", HASHING, "the file hashed");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent !== 'Sending…'"
                    + " && document.getElementById('submit-message').textContent !== ''", ANSWER, "the answer");
            assertThat(e.text("#submit-message")).startsWith("This case can't take more files")
                    .doesNotContain("try again");
            assertThat(e.js("return document.getElementById('submit-hashes').disabled")).as("no retry").isEqualTo(true);
        }
    }

    /**
     * A 429 says why in the words of the limit the server names: the portal is busy (a site-wide limit), or many
     * tries came from a network others may share (a limit on one address), today's and in hours when a daily limit
     * waits for midnight more than an hour away; either way nothing was lost.
     */
    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aRefusalOverALimitSaysWhichKindOfLimitAndThatNothingWasLost(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            pick(e, files(1));
            e.js("""
                    const wrapped = window.fetch;
                    window.fetch = async (url, init) => {
                      if (!window.refuseWith) return wrapped(url, init);
                      const problem = { type: 'about:blank', title: 'Too many requests', status: 429, limit: window.refuseWith };
                      window.refuseWith = null;
                      return new Response(JSON.stringify(problem),
                        { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': window.retryAfter || '150' } });
                    };
                    window.refuseWith = 'clients-full';
                    return true;""");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.startsWith('Lots of')", ANSWER, "the answer");
            assertThat(e.text("#submit-message")).isEqualTo(
                    "Lots of people are using this site right now. Please wait about 3 minutes, then send again. Nothing was lost.");

            e.js("window.refuseWith = 'create'; return true;");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.includes('Wi-Fi')", ANSWER, "the answer");
            assertThat(e.text("#submit-message")).isEqualTo("Lots of tries came from your Wi-Fi or phone network, maybe from "
                    + "other people using it too. Please wait about 3 minutes, then send again. Nothing was lost.");

            e.js("window.refuseWith = 'items-per-day'; window.retryAfter = '35950'; return true;");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.includes('today')", ANSWER, "the answer");
            assertThat(e.text("#submit-message")).isEqualTo("Lots of tries came from your Wi-Fi or phone network today, maybe "
                    + "from other people using it too. Please wait about 10 hours, then send again. Nothing was lost.");

            e.js("window.refuseWith = 'cases-per-day'; window.retryAfter = '1790'; return true;");
            e.click("#submit-hashes");
            e.waitFor("document.getElementById('submit-message').textContent.includes('30 minutes')", ANSWER, "the answer");
            assertThat(e.text("#submit-message")).as("a daily limit with midnight under an hour away waits in minutes")
                    .isEqualTo("Lots of tries came from your Wi-Fi or phone network, maybe from "
                    + "other people using it too. Please wait about 30 minutes, then send again. Nothing was lost.");

            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", ANSWER, "sending again makes the case");
            assertThat(itemsIn(e)).isEqualTo(1);
        }
    }

    /** On a phone-sized window, the add-files page of case {@code c}, its number and key typed in, ready for files. */
    private void openAddFilesPage(Engine e, CaseApi.Created c) {
        e.viewport(390, 844);
        e.open(root + "hash/add");
        e.type("#caseNumber", c.caseNumber());
        e.type("#caseKey", c.caseKey());
        e.click("#add-continue");
        e.waitFor("document.getElementById('adding-to')", Duration.ofSeconds(10), "the add-files page shows");
        e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
    }
}
