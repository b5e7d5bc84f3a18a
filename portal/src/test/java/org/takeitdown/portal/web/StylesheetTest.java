package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stylesheet lays out by logical directions only, so a right-to-left page mirrors by itself. */
class StylesheetTest {
    /** A property named by a physical side, or a value that is one (text-align, float, clear). */
    static final Pattern PHYSICAL = Pattern.compile(
            "(?<![\\w-])([\\w-]*(?:left|right)[\\w-]*)\\s*:|(?<![\\w-])(text-align|float|clear)\\s*:\\s*(left|right)\\b");

    /** A margin or padding shorthand of four values, whose second and fourth are the right and left sides. */
    static final Pattern FOUR_SIDES = Pattern.compile(
            "(?<![\\w-])(?:margin|padding)\\s*:\\s*([^\\s;}]+)\\s+([^\\s;}]+)\\s+([^\\s;}]+)\\s+([^\\s;}]+)");

    static List<String> physical(String css) {
        List<String> found = new ArrayList<>();
        String rules = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher m = PHYSICAL.matcher(rules);
        while (m.find()) {
            found.add(m.group());
        }
        Matcher sides = FOUR_SIDES.matcher(rules);
        while (sides.find()) {
            if (!sides.group(2).equals(sides.group(4))) {
                found.add(sides.group());
            }
        }
        return found;
    }

    @Test
    void theStylesheetUsesNoPhysicalLeftOrRight() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/css/site.css")) {
            assertThat(physical(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void theCheckFindsEachKindOfPhysicalDirection() {
        assertThat(physical(".a { left: 0; margin-right: 1px; padding-left:2px; border-right: 0 }"))
                .hasSize(4);
        assertThat(physical(".a{text-align: right;float:left;clear: right}")).hasSize(3);
        assertThat(physical("input { margin: 0 .5rem 0 0; padding: 1px 2px 3px 4px }")).hasSize(2);
        assertThat(physical("input { margin: 0 .5rem 0 .5rem; padding: 1px 2px; margin: 0 }")).isEmpty();
        assertThat(physical(".a { inset-inline-start: 0; margin-inline-end: 1px; text-align: end } /* left: 0 */"))
                .isEmpty();
    }
}
