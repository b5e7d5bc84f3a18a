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

    static List<String> physical(String css) {
        List<String> found = new ArrayList<>();
        Matcher m = PHYSICAL.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            found.add(m.group());
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
        assertThat(physical(".a { inset-inline-start: 0; margin-inline-end: 1px; text-align: end } /* left: 0 */"))
                .isEmpty();
    }
}
