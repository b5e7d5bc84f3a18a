package org.takeitdown.portal.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/**
 * What every page needs: the language (from {@code ?lang=}, else Accept-Language, else English;
 * no cookie), the query to keep it on links, and the Quick exit address.
 */
public record Page(String lang, String q, String otherLangHref, String quickExitUrl) {
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    public static Page of(UriInfo uri, HttpHeaders headers, SiteConfig site) {
        return of(uri.getPath(), uri.getQueryParameters().getFirst("lang"),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), site);
    }

    /** The page for a path, its {@code lang} query value and its Accept-Language header (each may be null). */
    public static Page of(String path, String asked, String acceptLanguage, SiteConfig site) {
        String lang;
        String q;
        if ("es".equals(asked) || "en".equals(asked)) {
            lang = asked;
            q = "?lang=" + asked;
        } else {
            lang = language(acceptLanguage);
            q = "";
        }
        String other = "es".equals(lang) ? "en" : "es";
        return new Page(lang, q, path + "?lang=" + other, site.quickExitUrl());
    }

    /**
     * The preferred of {@code es} and {@code en} in an Accept-Language value (RFC 9110 section 12.5.4), by
     * weight, the first listed on a tie; {@code en} when neither is wanted. Read leniently: an entry that
     * cannot be read is skipped, so a malformed header never fails a page.
     */
    public static String language(String header) {
        if (header == null) {
            return "en";
        }
        String best = "en";
        double bestWeight = 0;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String primary = parts[0].strip().split("-", 2)[0].toLowerCase(Locale.ROOT);
            if (!primary.equals("es") && !primary.equals("en")) {
                continue;
            }
            double weight = weight(parts);
            if (weight > bestWeight) {
                best = primary;
                bestWeight = weight;
            }
        }
        return best;
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

    public Locale locale() {
        return "es".equals(lang) ? SPANISH : Locale.ENGLISH;
    }

    /** {@code path} with this page's language query kept. */
    public String link(String path) {
        return path + q;
    }
}
