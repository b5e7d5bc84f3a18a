package org.takeitdown.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Messages;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * axe-core on every page of the flow at phone width: in Chromium in every offered language, in Firefox ESR and
 * WebKitGTK in English and Arabic (right to left): no serious or critical violations. axe.min.js comes from the
 * axe-core jar on the test classpath.
 */
@Tag("browser")
@QuarkusTest
class AccessibilityBrowserTest extends EngineFixture {
    private static final String AXE = axeSource();
    /**
     * Loads axe as the script's own source (the pages' CSP forbids eval, which WebKitGTK enforces even here),
     * runs it on the whole document and keeps, of each violation, what the failure message needs.
     */
    private static final String RUN_AXE = "if (!window.axe) {\n" + AXE + "\n}\n" + """
            const results = await axe.run(document);
            return results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => JSON.stringify(n.target))}));
            """;

    @Inject
    CaseService cases;

    private final List<String> problems = new ArrayList<>();
    private int checked;

    private static String axeSource() {
        try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void check(String what) {
        List<Map<String, Object>> violations = (List<Map<String, Object>>) engine.jsAsync(RUN_AXE);
        checked++;
        for (Map<String, Object> rule : violations) {
            Object impact = rule.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                problems.add(engine.name() + " " + what + ": " + rule.get("id") + " (" + impact + ") " + rule.get("help")
                        + " at " + rule.get("targets"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void everyPageHasNoSeriousOrCriticalViolationsInEveryLanguage(String name) throws Exception {
        List<String> languages = "chromium".equals(name) ? Messages.tags() : List.of("en", "ar");
        start(name);
        engine.viewport(360, 740);
        Path png = Vectors.file("pdq/images/misc-images/c.png");
        Path video = Vectors.file("vpdq/videos/doorknob-hd-no-bar.mp4");
        for (String lang : languages) {
            String q = "?lang=" + lang;
            for (String page : List.of("", "start", "adult", "help", "how-it-works", "hash", "cases/status", "impact", "platforms",
                    "participating", "what-happens-next", "about", "no-such-page")) {
                engine.open(root + page + q);
                check(lang + " /" + page);
            }
            engine.open(root + "start" + q);
            engine.click("#age-unsure");
            engine.click("#start-continue");
            engine.waitVisible("#unsure-help", Duration.ofSeconds(5));
            check(lang + " /start, not sure");

            engine.open(root + "hash" + q);
            engine.setFiles("#file-input", List.of(png, video));
            engine.waitFor("document.querySelectorAll('#file-list details').length === 2", Duration.ofSeconds(60),
                    "both files hashed");
            check(lang + " /hash with a hashed image and video");
            engine.click("#submit-hashes");
            engine.waitVisible("#case-number", Duration.ofSeconds(30));
            check(lang + " receipt");
            engine.click("#saved-key");

            engine.open(root + "cases/status" + q);
            engine.type("#caseNumber", "AAAAA-AAAAA");
            engine.type("#caseKey", "nope");
            engine.click("#check");
            engine.waitFor("document.getElementById('not-found')", Duration.ofSeconds(5), "the not-found message");
            check(lang + " status, not found");

            CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                    String.format("%032x", System.nanoTime()), null, null))), null);
            engine.open(root + "cases/status" + q);
            engine.type("#caseNumber", c.caseNumber());
            engine.type("#caseKey", c.caseKey());
            engine.click("#check");
            engine.waitFor("document.getElementById('status-items')", Duration.ofSeconds(5), "the case's status");
            check(lang + " status");
            engine.click("#withdraw");
            engine.waitFor("document.getElementById('withdraw-error')", Duration.ofSeconds(5), "the withdraw error");
            check(lang + " withdraw without confirming");
            engine.click("#withdraw-confirm");
            engine.click("#withdraw");
            engine.waitFor("document.getElementById('withdrawn-message')", Duration.ofSeconds(5), "the withdrawn message");
            check(lang + " withdrawn");
        }
        assertThat(checked).isEqualTo(languages.size() * 20);
        assertThat(problems).isEmpty();
    }
}
