package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page language from Accept-Language, read leniently. */
class PageTest {
    @Test
    void picksTheMostWantedOfSpanishAndEnglish() {
        assertThat(Page.language("es")).isEqualTo("es");
        assertThat(Page.language("es-MX,es;q=0.9")).isEqualTo("es");
        assertThat(Page.language("fr, en;q=0.5, es;q=0.8")).isEqualTo("es");
        assertThat(Page.language("es;q=0.5, EN")).isEqualTo("en");
        assertThat(Page.language("en, es")).isEqualTo("en");
        assertThat(Page.language("fr")).isEqualTo("en");
        assertThat(Page.language("es;q=0")).isEqualTo("en");
        assertThat(Page.language(null)).isEqualTo("en");
    }

    @Test
    void aMalformedHeaderFallsBackWithoutFailing() {
        assertThat(Page.language(";;q=x,,@@")).isEqualTo("en");
        assertThat(Page.language("es;q=abc")).isEqualTo("en");
        assertThat(Page.language("es;q=2, en;q=0.1")).isEqualTo("en");
        assertThat(Page.language("es;q=NaN")).isEqualTo("en");
        assertThat(Page.language("en;q=abc, es;q=0.3")).isEqualTo("es");
        assertThat(Page.language("\u00e9s, es")).isEqualTo("es");
        assertThat(Page.language(",".repeat(1000))).isEqualTo("en");
    }
}
