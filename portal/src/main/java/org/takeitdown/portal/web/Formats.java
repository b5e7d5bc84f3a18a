package org.takeitdown.portal.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Numbers and dates in templates, written the way the page's language writes them (CLDR, through ICU):
 * {@code {n.count}} for a message's plural choice, {@code {n.num}}, {@code {n.percent}}, {@code {day.date}} and
 * {@code {day.dayMonth}}; {@code {name.isolated}} for a name of any direction inside a message, and
 * {@code {number.ltr}} for a case number inside one.
 */
@TemplateExtension
public class Formats {
    private Formats() {
    }

    static Count count(Number n, @TemplateAttribute("locale") Object locale) {
        return Count.of(n.longValue(), locale(locale));
    }

    static String num(Number n, @TemplateAttribute("locale") Object locale) {
        return NumberFormat.getInstance(ULocale.forLocale(locale(locale))).format(n);
    }

    /** A share given in percent (80 for 80 %), written as the language writes percentages. */
    static String percent(Number n, @TemplateAttribute("locale") Object locale) {
        return NumberFormat.getPercentInstance(ULocale.forLocale(locale(locale))).format(n.doubleValue() / 100);
    }

    /** A whole date: "Nov 26, 2026", "26 nov. 2026", "٢٦‏/١١‏/٢٠٢٦"… */
    static String date(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return format("yMMMd", day, locale(locale));
    }

    /** Day and month, for the chart's axis: "Nov 26", "26 nov.", "11月26日"… */
    static String dayMonth(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return format("MMMd", day, locale(locale));
    }

    /**
     * {@code text} between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), what
     * {@code <bdi>} is in plain text (Unicode UAX #9, explicit directional isolates): a right-to-left name
     * inside a message reads as written and can't reorder the words and numbers around it.
     */
    static String isolated(String text) {
        return "\u2068" + text + "\u2069";
    }

    /**
     * {@code text} between LEFT-TO-RIGHT ISOLATE (U+2066) and POP DIRECTIONAL ISOLATE (U+2069): a code written left
     * to right whatever the page's direction. A case number such as {@code 23456-ABCDE} inside Arabic text would
     * otherwise show its groups swapped ({@code ABCDE-23456}), and a teen copying what they see would copy it wrong.
     */
    static String ltr(String text) {
        return "\u2066" + text + "\u2069";
    }

    static String format(String skeleton, LocalDate day, Locale locale) {
        DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLocale(locale));
        f.setTimeZone(TimeZone.GMT_ZONE);
        GregorianCalendar c = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.forLocale(locale));
        c.clear();
        c.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        return f.format(c.getTime());
    }

    /** The template's locale; the default language when a template was made outside a request. */
    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Locale.ENGLISH;
    }
}
