package org.takeitdown.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Browser;
import org.takeitdown.portal.web.Messages;
import org.takeitdown.portal.report.HashPage;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;
import org.takeitdown.portal.web.engine.SeleniumEngine;

/**
 * The teenager's own language: picked from the browser's languages or the menu and kept on every link; in
 * every language, at phone width, the landing, hashing, receipt and status pages show no text that runs off
 * the page, is clipped or overlaps other text; Arabic reads right to left.
 */
@Tag("browser")
@QuarkusTest
class LanguagesBrowserTest {
    /**
     * What is wrong with the text layout of the page: sideways scrolling, text clipped by a box that hides its
     * overflow, and line boxes of different elements' text overlapping by more than a hairline.
     */
    private static final String TEXT_PROBLEMS = """
            window.scrollTo(0, 0);
            const problems = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth) problems.push('scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
            const shown = el => {
              const closed = el.closest('details:not([open])');
              if (closed && !(el.closest('summary') && el.closest('summary').parentElement === closed)) return false;
              for (let e = el; e; e = e.parentElement) {
                const s = getComputedStyle(e);
                if (s.display === 'none' || s.visibility === 'hidden' || e.hidden || e.classList.contains('sr-only')
                    || (s.overflow === 'hidden' && e.getBoundingClientRect().width <= 1)) return false; }
                return true; };
            const boxes = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              const node = walk.currentNode;
              if (!node.textContent.trim() || !shown(node.parentElement)) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const r of range.getClientRects()) {
                if (r.width > 0 && r.height > 0) boxes.push({el: node.parentElement, r, text: node.textContent.trim().slice(0, 40)});
              }
            }
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
                const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                if (w > 2 && h > arguments[0]) problems.push('overlap: "' + a.text + '" / "' + b.text + '" ' + Math.round(w) + 'x' + Math.round(h));
              }
            }
            for (const el of document.body.querySelectorAll('*')) {
              const s = getComputedStyle(el);
              if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && shown(el) && el.textContent.trim()
                  && el.scrollWidth > el.clientWidth + 1) problems.push('clipped: ' + el.tagName + '#' + el.id + '.' + el.className);
            }
            return problems;
            """;

    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;


    @SuppressWarnings("unchecked")
    private static List<String> textProblems(Engine e, String lang) {
        // Scripts with tall glyphs (Devanagari, Arabic) draw their glyph boxes a little into the next line's.
        int tolerance = List.of("hi", "ar").contains(lang) ? 6 : 2;
        return (List<String>) e.js(TEXT_PROBLEMS, tolerance);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void theMenuChangesTheLanguageAndEveryLinkKeepsIt(String name) throws Exception {
        Map<String, String> ukrainian = Messages.of("uk");
        try (Engine e = Engines.start(name)) {
            e.viewport(360, 740);
            e.open(root.toString());
            e.click("#languages summary");
            e.waitVisible("#languages a[hreflang='uk']", Duration.ofSeconds(5));
            e.click("#languages a[hreflang='uk']");
            e.waitFor("document.documentElement.lang === 'uk'", Duration.ofSeconds(10), "the page in Ukrainian");
            assertThat(e.text("h1")).isEqualTo(ukrainian.get("homeTitle"));
            e.click("nav a[href^='/help']");
            e.waitFor("location.pathname === '/help'", Duration.ofSeconds(10), "the help page");
            assertThat(e.js("return document.documentElement.lang;")).isEqualTo("uk");
            assertThat(e.text("h1")).isEqualTo(ukrainian.get("helpTitle"));

            e.click("#languages summary");
            e.waitVisible("#languages a[hreflang='ar']", Duration.ofSeconds(5));
            e.click("#languages a[hreflang='ar']");
            e.waitFor("document.documentElement.lang === 'ar'", Duration.ofSeconds(10), "the page in Arabic");
            assertThat(e.js("return location.pathname;")).as("the same page in the new language").isEqualTo("/help");
            assertThat(e.js("return document.documentElement.dir;")).isEqualTo("rtl");
            double brand = ((Number) e.js("return document.querySelector('.brand').getBoundingClientRect().left;")).doubleValue();
            double exit = ((Number) e.js("return document.getElementById('quick-exit').getBoundingClientRect().left;")).doubleValue();
            assertThat(brand).as("right to left: the site's name starts the header at the right").isGreaterThan(exit);
        }
    }

    @Test
    void withoutAChoiceThePageFollowsTheBrowsersLanguages() throws Exception {
        try (Engine e = new SeleniumEngine("chromium", Browser.start("zh-CN,en"), () -> { })) {
            e.open(root.toString());
            assertThat(e.js("return document.documentElement.lang;")).isEqualTo("zh-Hans");
            assertThat(e.text("h1")).isEqualTo(Messages.of("zh-Hans").get("homeTitle"));
            e.open(root + "?lang=ko");
            assertThat(e.js("return document.documentElement.lang;")).as("the menu's choice wins").isEqualTo("ko");
        }
    }

    @Test
    void inEveryLanguageAtPhoneWidthTheTeensPagesShowAllTheirText() throws Exception {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        try (Engine e = Engines.start("chromium")) {
            e.viewport(360, 740);
            for (String lang : Messages.tags()) {
                String q = "?lang=" + lang;
                e.open(root + q);
                assertThat(e.js("return document.documentElement.dir;")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
                textProblems(e, lang).forEach(p -> problems.add(lang + " landing: " + p));

                e.open(root + "hash" + q);
                HashPage.pickOnePicture(e);
                textProblems(e, lang).forEach(p -> problems.add(lang + " hashing: " + p));
                e.click("#submit-hashes");
                e.waitVisible("#case-number", Duration.ofSeconds(30));
                textProblems(e, lang).forEach(p -> problems.add(lang + " receipt: " + p));
                e.click("#saved-key");

                CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                        String.format("%032x", System.nanoTime()), null, null))), null);
                e.open(root + "cases/status" + q);
                e.type("#caseNumber", c.caseNumber());
                e.type("#caseKey", c.caseKey());
                e.click("#check");
                e.waitFor("document.getElementById('status-items')", Duration.ofSeconds(10), "the case's status");
                textProblems(e, lang).forEach(p -> problems.add(lang + " status: " + p));
                pages += 4;
            }
        }
        assertThat(pages).isEqualTo(4 * Messages.tags().size());
        assertThat(problems).isEmpty();
    }
}
