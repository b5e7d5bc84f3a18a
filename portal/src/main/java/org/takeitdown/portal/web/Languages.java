package org.takeitdown.portal.web;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The languages the pages are offered in ({@code quarkus.locales}, the first is {@code quarkus.default-locale})
 * and how a request picks one of them: the language named in the address, else the best of the
 * {@code Accept-Language} header, else the default.
 */
@ApplicationScoped
public class Languages {
    /** One offered language: its tag as written in the address, its name in itself and its direction. */
    public record Language(Locale locale, String tag, String name, boolean rightToLeft) {
    }

    /** Entries of Accept-Language read at most; browsers send a handful, so a longer list costs no more work. */
    static final int MAX_ENTRIES = 32;
    /**
     * Characters of one language range read at most; a longer one is skipped unread. Real tags are far shorter
     * (RFC 5646 section 4.4.1 asks for at least 35 characters of room); the bound also keeps the range's pattern,
     * whose repeated group recurses once per subtag, from overflowing the stack on thousands of subtags.
     */
    static final int MAX_RANGE = 64;

    private final Language fallback;
    private final List<Language> offered;

    public Languages(@ConfigProperty(name = "quarkus.locales") List<String> tags,
                     @ConfigProperty(name = "quarkus.default-locale") String defaultTag) {
        List<Language> all = new ArrayList<>();
        for (String tag : tags) {
            all.add(language(Locale.forLanguageTag(tag.strip())));
        }
        this.offered = List.copyOf(all);
        this.fallback = byTag(defaultTag).orElseThrow(
                () -> new IllegalStateException("quarkus.default-locale " + defaultTag + " is not in quarkus.locales"));
    }

    private static Language language(Locale locale) {
        ULocale u = ULocale.forLocale(locale);
        String name = LocaleDisplayNames.getInstance(u, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU,
                DisplayContext.DIALECT_NAMES).localeDisplayName(u);
        return new Language(locale, locale.toLanguageTag(), name, u.isRightToLeft());
    }

    public List<Language> offered() {
        return offered;
    }

    public Language fallback() {
        return fallback;
    }

    /** The offered language with this tag, compared without regard to case ({@code pt-br} is {@code pt-BR}). */
    public Optional<Language> byTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return offered.stream().filter(l -> l.tag().equalsIgnoreCase(tag.strip())).findFirst();
    }

    /**
     * The offered language the header prefers most (RFC 9110 section 12.5.4: by weight, the first listed on a
     * tie), or empty when it wants none of them. A range matches a language with the same language and script
     * once both are completed with their likely subtags ({@code zh-CN} is {@code zh-Hans}, {@code zh-TW} is
     * not; {@code pt-PT} takes {@code pt-BR}; {@code fil} is {@code tl}). Read leniently: an entry that cannot
     * be read is skipped, so a malformed header never fails a page; only the first {@link #MAX_ENTRIES} entries
     * are read.
     */
    public Optional<Language> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Language best = null;
        double bestWeight = 0;
        String[] entries = header.split(",", MAX_ENTRIES + 1);
        for (int i = 0; i < Math.min(entries.length, MAX_ENTRIES); i++) {
            String entry = entries[i];
            String[] parts = entry.split(";");
            double weight = weight(parts);
            if (weight <= bestWeight) {
                continue;
            }
            Optional<Language> match = match(parts[0].strip());
            if (match.isPresent()) {
                best = match.get();
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Language> match(String range) {
        if (range.isEmpty() || range.length() > MAX_RANGE || range.equals("*")
                || !range.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            return Optional.empty();
        }
        Optional<Language> exact = byTag(range);
        if (exact.isPresent()) {
            return exact;
        }
        ULocale wanted = likely(Locale.forLanguageTag(range));
        for (Language l : offered) {
            ULocale have = likely(l.locale());
            if (have.getLanguage().equals(wanted.getLanguage()) && have.getScript().equals(wanted.getScript())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Canonical (CLDR aliases: {@code tl} is {@code fil}) and completed with likely script and region. */
    private static ULocale likely(Locale locale) {
        return ULocale.addLikelySubtags(ULocale.createCanonical(ULocale.forLocale(locale)));
    }

    /** The {@code q} of one entry's parameters: 1 when absent, -1 (skip the entry) when unreadable. */
    private static double weight(String[] parts) {
        double weight = 1;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    weight = Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
                if (!(weight >= 0 && weight <= 1)) {
                    return -1;
                }
            }
        }
        return weight;
    }
}
