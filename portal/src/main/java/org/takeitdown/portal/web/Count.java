package org.takeitdown.portal.web;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * A number for a message: {@code shown} as the language writes it, {@code plural} its CLDR plural category
 * in that language ({@code zero}, {@code one}, {@code two}, {@code few}, {@code many} or {@code other}), which
 * the message chooses its words by: {@code {#when n.plural}{#is 'one'}…{#else}…{/when}}.
 */
public record Count(String shown, String plural) {
    public static Count of(long n, Locale locale) {
        ULocale u = ULocale.forLocale(locale);
        return new Count(NumberFormat.getInstance(u).format(n), PluralRules.forLocale(u).select(n));
    }

    /** For a script that fills in the number: {@code marker} stands where the number goes. */
    public static Count marker(String marker, String plural) {
        return new Count(marker, plural);
    }

    @Override
    public String toString() {
        return shown;
    }
}
