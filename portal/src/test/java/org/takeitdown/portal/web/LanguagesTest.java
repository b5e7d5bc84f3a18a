package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.Languages.Language;

/** Picking one of the offered languages from Accept-Language, read leniently; their names and directions. */
class LanguagesTest {
    private final Languages languages = new Languages(
            List.of("en", "es", "fr", "pt-BR", "de", "ar", "zh-Hans", "hi", "tl", "vi", "ko", "uk"), "en");

    private String pick(String header) {
        return languages.fromHeader(header).map(Language::tag).orElse("none");
    }

    @Test
    void picksTheMostWantedOfferedLanguageByWeightThenOrder() {
        assertThat(pick("es")).isEqualTo("es");
        assertThat(pick("es-MX,es;q=0.9")).isEqualTo("es");
        assertThat(pick("ja, en;q=0.5, es;q=0.8")).isEqualTo("es");
        assertThat(pick("es;q=0.5, EN")).isEqualTo("en");
        assertThat(pick("en, es")).isEqualTo("en");
        assertThat(pick("es;q=0")).isEqualTo("none");
        assertThat(pick(null)).isEqualTo("none");
        assertThat(pick("ja")).isEqualTo("none");
    }

    @Test
    void matchesRegionsAndScriptsOfAnOfferedLanguage() {
        assertThat(pick("ar-EG")).isEqualTo("ar");
        assertThat(pick("pt-PT")).isEqualTo("pt-BR");
        assertThat(pick("pt-br")).isEqualTo("pt-BR");
        assertThat(pick("zh-CN")).isEqualTo("zh-Hans");
        assertThat(pick("zh")).isEqualTo("zh-Hans");
        assertThat(pick("zh-SG")).isEqualTo("zh-Hans");
        assertThat(pick("fil-PH")).isEqualTo("tl");
        assertThat(pick("uk-UA, ru;q=0.8")).isEqualTo("uk");
        assertThat(pick("de-CH")).isEqualTo("de");
    }

    @Test
    void traditionalChineseIsNotTakenForSimplified() {
        assertThat(pick("zh-TW")).isEqualTo("none");
        assertThat(pick("zh-Hant")).isEqualTo("none");
        assertThat(pick("zh-HK, en;q=0.5")).isEqualTo("en");
    }

    @Test
    void aMalformedHeaderIsReadWithoutFailing() {
        assertThat(pick(";;q=x,,@@")).isEqualTo("none");
        assertThat(pick("es;q=abc")).isEqualTo("none");
        assertThat(pick("es;q=2, en;q=0.1")).isEqualTo("en");
        assertThat(pick("es;q=NaN")).isEqualTo("none");
        assertThat(pick("en;q=abc, es;q=0.3")).isEqualTo("es");
        assertThat(pick("\u00e9s, es")).isEqualTo("es");
        assertThat(pick(",".repeat(1000))).isEqualTo("none");
        assertThat(pick("x".repeat(10_000))).isEqualTo("none");
        assertThat(pick("ja,".repeat(Languages.MAX_ENTRIES - 1) + "es")).as("the last entry read").isEqualTo("es");
        assertThat(pick("ja,".repeat(Languages.MAX_ENTRIES) + "es")).as("past the entries read").isEqualTo("none");
    }

    @Test
    void aRangeOfThousandsOfSubtagsIsSkippedWithoutRecursion() {
        assertThat(pick("en" + "-x".repeat(20_000))).isEqualTo("none");
        assertThat(pick("en" + "-x".repeat(20_000) + ", es")).isEqualTo("es");
        String longest = "en" + "-x".repeat((Languages.MAX_RANGE - 2) / 2);
        assertThat(longest).hasSize(Languages.MAX_RANGE);
        assertThat(pick(longest)).as("the longest range read").isEqualTo("en");
    }

    @Test
    void eachLanguageIsNamedInItselfWithItsDirection() {
        assertThat(languages.offered()).extracting(Language::name).containsExactly("English", "Español",
                "Français", "Português (Brasil)", "Deutsch", "العربية", "简体中文", "हिन्दी", "Tagalog",
                "Tiếng Việt", "한국어", "Українська");
        assertThat(languages.offered()).filteredOn(Language::rightToLeft).extracting(Language::tag)
                .containsExactly("ar");
        assertThat(languages.byTag("PT-br")).map(Language::tag).isEqualTo(Optional.of("pt-BR"));
        assertThat(languages.fallback().tag()).isEqualTo("en");
    }
}
