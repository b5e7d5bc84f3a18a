package org.takeitdown.portal.web;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.takeitdown.portal.web.Languages.Language;

/**
 * What every page of a request needs, as {@code {inject:page}} in templates: the one place that picks the
 * language ({@code ?lang=} in the address, else {@code Accept-Language}, else the default; never a cookie), the
 * links that keep an explicit choice, the language menu and the Quick exit address.
 */
@RequestScoped
@Named("page")
public class Page {
    /** An entry of the language menu. */
    public record Choice(String tag, String name, String href, boolean current) {
    }

    @Inject
    CurrentVertxRequest request;

    @Inject
    Languages languages;

    @Inject
    SiteConfig site;

    private Language language;
    private boolean chosen;
    private String path;

    @PostConstruct
    void read() {
        RoutingContext ctx = request.getCurrent();
        path = ctx == null ? "/" : ctx.normalizedPath();
        Optional<Language> asked = ctx == null ? Optional.empty() : languages.byTag(ctx.request().getParam("lang"));
        chosen = asked.isPresent();
        language = asked.or(() -> languages.fromHeader(ctx == null ? null : ctx.request().getHeader("Accept-Language")))
                .orElse(languages.fallback());
    }

    public Locale locale() {
        return language.locale();
    }

    /** The BCP 47 tag for {@code <html lang>}. */
    public String lang() {
        return language.tag();
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    public boolean rightToLeft() {
        return language.rightToLeft();
    }

    public String languageName() {
        return language.name();
    }

    /** {@code path} with the language kept when the visitor chose it in the address. */
    public String link(String target) {
        return chosen ? target + "?lang=" + language.tag() : target;
    }

    /**
     * A 303 to {@code target} in the page's language, with a relative {@code Location}: an absolute one would be
     * built from this request's scheme and Host, which behind a TLS proxy is {@code http://}.
     */
    public Response seeOther(String target) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, link(target)).build();
    }

    /** Every offered language, each named in itself, linking to this page in that language. */
    public List<Choice> languages() {
        String here = ownPath(path);
        return languages.offered().stream()
                .map(l -> new Choice(l.tag(), l.name(), here + "?lang=" + l.tag(), l == language))
                .toList();
    }

    /**
     * The request's path (as sent, still percent-encoded) for a link back to it; the start page for anything a
     * browser could read as another site's address ({@code //host}, {@code /\host}) or that is not a plain path.
     */
    private static String ownPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || !path.matches("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*")) {
            return "/";
        }
        return path;
    }

    public String quickExitUrl() {
        return site.quickExitUrl();
    }

    /**
     * One marker per plural category of this language, for messages a script fills in: the page renders each
     * form with {@code #} where the number goes, and the script picks one with {@code Intl.PluralRules}.
     */
    public List<Count> pluralMarkers() {
        return PluralRules.forLocale(ULocale.forLocale(locale())).getKeywords().stream().sorted()
                .map(k -> Count.marker("#", k)).toList();
    }
}
