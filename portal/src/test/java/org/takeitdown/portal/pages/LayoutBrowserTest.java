package org.takeitdown.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Messages;
import org.takeitdown.portal.report.HashPage;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;

/**
 * Layout on a 360×740 phone screen in every engine: no sideways scroll, nothing under the sticky header,
 * visible focus, tap targets of at least 24×24 px, and the 404 page.
 */
@Tag("browser")
@QuarkusTest
class LayoutBrowserTest {
    private static final List<String> PAGES = List.of("", "start", "adult", "help", "how-it-works", "hash",
            "cases/status", "impact", "platforms", "participating", "what-happens-next", "about", "no-such-page");

    /** Controls a finger must hit: buttons, radios, checkboxes, button-like links, the header and nav links. */
    private static final String TARGETS = "button, input[type=radio], input[type=checkbox], a.button, #quick-exit,"
            + " .brand, .nav a, .picker label";

    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;

    /** The visible targets smaller than 24×24 CSS px, as "selector-ish WxH" strings. */
    @SuppressWarnings("unchecked")
    private static List<String> smallTargets(Engine e) {
        return (List<String>) e.js("return [...document.querySelectorAll(arguments[0])].filter(el => {"
                + " const r = el.getBoundingClientRect(); const s = getComputedStyle(el);"
                + " return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && !el.closest('[hidden]')"
                + "   && (r.width < 24 || r.height < 24); })"
                + " .map(el => el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().width)"
                + "   + 'x' + Math.round(el.getBoundingClientRect().height));", TARGETS);
    }

    /** How far the element's top sits below the sticky header's bottom (negative: under it). */
    private static double clearOfHeader(Engine e, String css) {
        return ((Number) e.js("return document.querySelector(arguments[0]).getBoundingClientRect().top"
                + " - document.querySelector('header.top').getBoundingClientRect().bottom;", css)).doubleValue();
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void atPhoneWidthNoPageScrollsSidewaysAndTapTargetsAreBigEnough(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(360, 740);
            for (String lang : List.of("en", "ar")) {
                for (String page : PAGES) {
                    e.open(root + page + "?lang=" + lang);
                    e.waitFor("document.readyState === 'complete'", Duration.ofSeconds(10), "page loads");
                    Number scroll = (Number) e.js("return document.documentElement.scrollWidth;");
                    Number client = (Number) e.js("return document.documentElement.clientWidth;");
                    assertThat(scroll.intValue()).as("%s /%s at 360 px: scrollWidth <= clientWidth", lang, page)
                            .isLessThanOrEqualTo(client.intValue());
                    assertThat(smallTargets(e)).as("%s /%s targets under 24×24", lang, page).isEmpty();
                }
            }
            e.open(root + "hash");
            HashPage.pickOnePicture(e);
            assertThat(smallTargets(e)).as("the hash page with a file, its Remove button included").isEmpty();
            assertThat(((Number) e.js("return document.querySelector('button.remove').getBoundingClientRect().height"))
                    .doubleValue()).isGreaterThanOrEqualTo(24);
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void theOpenLanguageMenuFitsOnTheScreenAtThreeHundredAndTwentyPixelsInEveryLanguage(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.viewport(320, 640);
            for (String lang : Messages.tags()) {
                e.open(root + "?lang=" + lang);
                e.waitFor("document.readyState === 'complete'", Duration.ofSeconds(10), "page loads");
                e.click("#languages summary");
                @SuppressWarnings("unchecked")
                List<Number> box = (List<Number>) e.js("const r = document.querySelector('#languages ul')"
                        + ".getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth];");
                assertThat(box.get(0).doubleValue()).as("%s: the menu's left edge", lang).isGreaterThanOrEqualTo(0);
                assertThat(box.get(1).doubleValue()).as("%s: the menu's right edge", lang)
                        .isLessThanOrEqualTo(box.get(2).doubleValue());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void focusIsVisibleOnThePickerLabelButtonsAndLinks(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root + "hash");
            e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
            Assumptions.assumeTrue(Boolean.TRUE.equals(e.js("return document.hasFocus();")), e.name()
                    + " runs headless without system focus (document.hasFocus() is false even after BiDi's"
                    + " browsingContext.activate), so no :focus style can match there: focus rings are checked in"
                    + " the engines that have focus");
            for (String[] pair : List.of(new String[] {"#file-input", "#file-label"},
                    new String[] {"#file-input-any", "#file-label-any"},
                    new String[] {"#submit-hashes", "#submit-hashes"},
                    new String[] {"#quick-exit", "#quick-exit"},
                    new String[] {"nav a", "nav a"})) {
                e.js("document.querySelector(arguments[0]).focus(); return true;", pair[0]);
                assertThat(e.js("return document.activeElement === document.querySelector(arguments[0])", pair[0]))
                        .as("%s takes focus", pair[0]).isEqualTo(true);
                String style = (String) e.js("const s = getComputedStyle(document.querySelector(arguments[0]));"
                        + " return s.outlineStyle + ' ' + s.outlineWidth;", pair[1]);
                assertThat(style).as("focus ring on %s while %s has focus", pair[1], pair[0]).startsWith("solid");
                assertThat(Double.parseDouble(style.split(" ")[1].replace("px", ""))).isGreaterThanOrEqualTo(2);
            }
            e.js("document.activeElement.blur(); return true;");
            assertThat(e.js("return getComputedStyle(document.getElementById('file-label')).outlineStyle"))
                    .as("no ring without focus").isEqualTo("none");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void nothingHidesUnderTheStickyHeaderOnAPhone(String engine) throws Exception {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        try (Engine e = Engines.start(engine)) {
            e.viewport(360, 740);
            e.open(root + "cases/status");
            e.type("#caseNumber", c.caseNumber());
            e.type("#caseKey", c.caseKey());
            e.click("#check");
            e.waitFor("document.getElementById('withdraw')", Duration.ofSeconds(10), "the case shows");
            e.js("document.getElementById('withdraw').scrollIntoView({block: 'end'}); return true;");
            e.click("#withdraw");
            e.waitFor("document.getElementById('withdraw-error')", Duration.ofSeconds(10), "the error shows");
            assertThat(e.js("return document.activeElement.id")).as("the error takes focus").isEqualTo("withdraw-error");
            assertThat(clearOfHeader(e, "#withdraw-error")).as("the error is below the header").isGreaterThanOrEqualTo(0);
            assertThat(((Number) e.js("return document.getElementById('withdraw-error').getBoundingClientRect().bottom"
                    + " - innerHeight")).doubleValue()).as("the error is above the fold").isLessThanOrEqualTo(0);
            assertThat(((Number) e.js("return document.getElementById('withdraw-confirm').getBoundingClientRect().top"
                    + " - document.getElementById('withdraw-error').getBoundingClientRect().bottom")).doubleValue())
                    .as("the error sits next to the box").isBetween(0.0, 60.0);

            e.open(root + "hash");
            HashPage.pickOnePicture(e);
            e.js("window.scrollTo(0, document.body.scrollHeight); return true;");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", Duration.ofSeconds(30), "the receipt shows");
            assertThat(e.js("return document.activeElement.id")).isEqualTo("receipt-title");
            assertThat(clearOfHeader(e, "#receipt-title")).as("the receipt's heading is below the header")
                    .isGreaterThanOrEqualTo(0);
            e.click("#saved-key");
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void anUnknownAddressShowsTheSitesOwnPageWithQuickExit(String engine) throws Exception {
        try (Engine e = Engines.start(engine)) {
            e.open(root + "es");
            assertThat(e.text("h1")).isEqualTo("We couldn't find that page");
            assertThat(e.title()).isEqualTo("We couldn't find that page · Help center");
            assertThat(e.js("return !!document.getElementById('quick-exit')")).isEqualTo(true);
            e.click("#not-found-home");
            e.waitFor("location.pathname === '/'", Duration.ofSeconds(10), "the start page opens");
            e.open(root + "index.html?lang=es");
            assertThat(e.text("h1")).isEqualTo("No encontramos esa página");
        }
    }
}
