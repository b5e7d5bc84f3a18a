package org.takeitdown.portal.web;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Site-wide settings for the pages. */
@ConfigMapping(prefix = "portal.site")
public interface SiteConfig {
    /** Where Quick exit goes: a neutral page (default a weather search). */
    String quickExitUrl();

    /**
     * The site's address as browsers see it, {@code scheme://host[:port]} (e.g. {@code https://takeitdown.example}):
     * the only {@code Origin} accepted on requests that change something when a browser sends no
     * {@code Sec-Fetch-Site}. Unset, the request's own scheme and host are used, which behind a TLS proxy
     * is {@code http://...} and never matches: set it there.
     */
    Optional<String> publicOrigin();
}
