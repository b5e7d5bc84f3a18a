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
        String asked = uri.getQueryParameters().getFirst("lang");
        String lang;
        String q;
        if ("es".equals(asked) || "en".equals(asked)) {
            lang = asked;
            q = "?lang=" + asked;
        } else {
            lang = fromHeader(headers);
            q = "";
        }
        String other = "es".equals(lang) ? "en" : "es";
        return new Page(lang, q, uri.getPath() + "?lang=" + other, site.quickExitUrl());
    }

    private static String fromHeader(HttpHeaders headers) {
        for (Locale l : headers.getAcceptableLanguages()) {
            if ("es".equals(l.getLanguage())) {
                return "es";
            }
            if ("en".equals(l.getLanguage())) {
                return "en";
            }
        }
        return "en";
    }

    public Locale locale() {
        return "es".equals(lang) ? SPANISH : Locale.ENGLISH;
    }

    /** {@code path} with this page's language query kept. */
    public String link(String path) {
        return path + q;
    }
}
