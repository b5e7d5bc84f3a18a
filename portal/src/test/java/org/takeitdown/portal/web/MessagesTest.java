package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language file against the English one: the same keys, the same placeholders, plural choices only by
 * the language's own CLDR categories (with an "other" form), no value left in English, and the note that the
 * translation awaits a native speaker's review; every English message used somewhere. The build checks each message
 * against {@link Msg} too.
 */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]\\w*)}");
    private static final Pattern PLURAL = Pattern.compile("^(.*?)\\{#when (\\w+)\\.plural}(.*)\\{/when}(.*)$",
            Pattern.DOTALL);
    private static final Pattern CATEGORY = Pattern.compile("\\{#is '([a-z]+)'}");
    /**
     * Languages whose words do not change with a number, so a message states it once, without a plural choice
     * (ICU 79's CLDR data gives Vietnamese a "one" form for 0 and 1 that its sentences don't need).
     */
    private static final Set<String> NO_PLURAL_WORDS = Set.of("zh-Hans", "ko", "vi");
    /** Values that may equal the English one: none today (names and numbers come from placeholders). */
    private static final Set<String> SAME_AS_ENGLISH = Set.of();

    /** Every language file but English's, Dutch (shipped, not offered until configured) included. */
    static List<String> translations() {
        return Messages.files().stream().filter(t -> !t.equals("en")).toList();
    }

    @Test
    void everyOfferedLanguageHasAFile() {
        assertThat(Messages.tags()).contains("en", "es", "fr", "pt-BR", "de", "ar", "zh-Hans", "hi", "tl", "vi", "ko",
                "uk");
        assertThat(Messages.files()).containsAll(Messages.tags());
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationHasEveryKeyWithTheSamePlaceholders(String tag) {
        Map<String, String> english = Messages.of("en");
        Map<String, String> translated = Messages.of(tag);
        assertThat(translated.keySet()).as("keys of %s", tag).containsExactlyInAnyOrderElementsOf(english.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : english.entrySet()) {
            String value = translated.get(e.getKey());
            if (!placeholders(value).equals(placeholders(e.getValue()))) {
                problems.add(e.getKey() + ": " + placeholders(value) + " instead of " + placeholders(e.getValue()));
            }
            if (value.strip().equals(e.getValue().strip()) && !SAME_AS_ENGLISH.contains(e.getKey())) {
                problems.add(e.getKey() + ": still the English text");
            }
        }
        assertThat(problems).as(tag).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void pluralChoicesUseOnlyTheLanguagesCldrCategories(String tag) {
        Set<String> categories = PluralRules.forLocale(ULocale.forLocale(Locale.forLanguageTag(tag))).getKeywords();
        Map<String, String> english = Messages.of("en");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : Messages.of(tag).entrySet()) {
            String value = e.getValue();
            Matcher m = PLURAL.matcher(value);
            if (!english.get(e.getKey()).contains("{#when")) {
                if (value.contains("{#") || value.contains("{/")) {
                    problems.add(e.getKey() + ": a section where English has none");
                }
                continue;
            }
            if (!m.matches()) {
                if (categories.size() > 1 && !NO_PLURAL_WORDS.contains(tag)) {
                    problems.add(e.getKey() + ": no plural choice, but " + tag + " has " + categories);
                }
                continue;
            }
            if (!m.group(3).contains("{#else}")) {
                problems.add(e.getKey() + ": no {#else} (the 'other' form)");
            }
            Matcher c = CATEGORY.matcher(m.group(3));
            while (c.find()) {
                if (!categories.contains(c.group(1))) {
                    problems.add(e.getKey() + ": '" + c.group(1) + "' is not a plural category of " + tag + " " + categories);
                }
            }
        }
        assertThat(problems).as(tag).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationSaysItAwaitsReviewByANativeSpeaker(String tag) {
        assertThat(Messages.header(tag)).startsWith("# This translation awaits review by a native speaker.");
    }

    /**
     * A picture or video this browser can't decode is still added, but only that exact file can be found: the
     * note says so and names what helps, a copy saved as JPEG (on an iPhone) or MP4, in every language.
     */
    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.Messages#files")
    void theNotDecodedNotesSayOnlyThisExactFileCanBeFoundAndThatAJpegOrMp4CopyHelps(String tag) {
        Map<String, String> msg = Messages.of(tag);
        assertThat(msg.get("hashNotDecoded")).as(tag).contains("JPEG").contains("iPhone").doesNotContain("MP4");
        assertThat(msg.get("hashVideoNotDecoded")).as(tag).contains("MP4").doesNotContain("JPEG");
        assertThat(msg.get("hashOtherKind")).as(tag).doesNotContain("JPEG").doesNotContain("MP4").doesNotContain("iPhone");
        Map<String, String> english = Messages.of("en");
        assertThat(english.get("hashNotDecoded")).startsWith("It's added.").contains("only this exact file can be found")
                .contains("not a copy that was changed or saved again");
        assertThat(english.get("hashOtherKind")).startsWith("It's added.").contains("this exact file can be found")
                .contains("not a copy that was changed or saved again");
        assertThat(english.get("hashVideoNotDecoded")).startsWith("It's added.")
                .contains("only this exact file can be found").contains("not a copy that was changed or saved again");
    }

    @Test
    void englishPluralChoicesHaveOneAndOtherForms() {
        for (Map.Entry<String, String> e : Messages.of("en").entrySet()) {
            if (e.getValue().contains("{#when")) {
                assertThat(e.getValue()).as(e.getKey()).matches(PLURAL).contains("{#is 'one'}").contains("{#else}");
            }
        }
    }

    /**
     * Quarkus 3.33.2's Qute generates a bundle of more than {@value #BUNDLE_METHODS_MAX} messages as a chain of
     * resolve methods whose call is malformed: every Quarkus start then fails with a VerifyError in
     * {@code Msg_Bundle.Msg_Bundle_resolve_0}. Seen at 302 messages; 300 start.
     */
    private static final int BUNDLE_METHODS_MAX = 300;

    @Test
    void theMessageBundleStaysWithinTheSizeQuteCanGenerate() {
        assertThat(Msg.class.getDeclaredMethods().length).as("messages in Msg: merge or drop some, or upgrade Quarkus"
                + " past its resolve-chain bug (see this test's constant)").isLessThanOrEqualTo(BUNDLE_METHODS_MAX);
    }

    @Test
    void everyEnglishMessageIsUsedByATemplateTheCodeOrAScript() throws IOException {
        String templates = text(Path.of("src/main/resources/templates"), ".html");
        String code = text(Path.of("src/main/java"), ".java");
        String scripts = text(Path.of("src/main/resources/META-INF/resources/js"), ".js");
        List<String> unused = Messages.of("en").keySet().stream()
                .filter(key -> !Pattern.compile("msg:" + key + "\\b").matcher(templates).find()
                        && !Pattern.compile("[.:]" + key + "\\b").matcher(code).find()
                        && !Pattern.compile("\\b" + key + "\\b").matcher(scripts).find())
                .toList();
        assertThat(unused).as("keys of msg_en.properties that nothing uses").isEmpty();
    }

    /** The text of every file under {@code dir} whose name ends with {@code suffix}, but {@link Msg}'s declarations. */
    private static String text(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(suffix) && !f.endsWith("web/Msg.java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
