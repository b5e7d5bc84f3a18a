package org.takeitdown.portal.web;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a request that changes something (or answers with a case key) comes from this site's own pages.
 * Sec-Fetch-Site decides when sent ({@code same-origin} or {@code none} pass, {@code same-site},
 * {@code cross-site} and anything else are refused); without it the {@code Origin} must equal the public
 * origin ({@code null} and any other origin are refused); a request with neither is not from a browser's
 * form or script (curl, platforms' servers) and passes. {@code Referer} is never used: the site sends
 * {@code Referrer-Policy: no-referrer}.
 */
@ApplicationScoped
@Startup
public class SameOrigin {
    /** HTTP methods that do not change anything (RFC 9110 section 9.2.1); every other method is checked. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Optional<String> publicOrigin;

    public SameOrigin(SiteConfig site) {
        this.publicOrigin = site.publicOrigin().filter(o -> !o.isBlank()).map(o -> Origins.normalize(o)
                .orElseThrow(() -> new IllegalArgumentException(
                        "portal.site.public-origin must be scheme://host[:port], e.g. https://takeitdown.example")));
    }

    public static boolean isSafe(String method) {
        return SAFE_METHODS.contains(method);
    }

    /** Whether this request may change something. */
    public boolean allows(HttpServerRequest http) {
        String expected = publicOrigin.orElseGet(() -> ownOrigin(http));
        return allows(http.getHeader("Sec-Fetch-Site"), http.getHeader("Origin"), expected);
    }

    /** The origin this request was addressed to, as this server sees it (scheme and Host), or null. */
    private static String ownOrigin(HttpServerRequest http) {
        HostAndPort authority = http.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return Origins.of(http.scheme(), host + (authority.port() < 0 ? "" : ":" + authority.port())).orElse(null);
    }

    /** The rule itself: {@code expectedOrigin} normalised, or null when unknown. */
    static boolean allows(String fetchSite, String origin, String expectedOrigin) {
        if (fetchSite != null) {
            String site = fetchSite.strip();
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
        }
        if (origin == null) {
            return true;
        }
        return expectedOrigin != null && Origins.normalize(origin).map(expectedOrigin::equals).orElse(false);
    }
}
