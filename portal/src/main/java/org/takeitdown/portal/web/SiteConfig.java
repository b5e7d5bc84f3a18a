package org.takeitdown.portal.web;

import io.smallrye.config.ConfigMapping;

/** Site-wide settings for the pages. */
@ConfigMapping(prefix = "portal.site")
public interface SiteConfig {
    /** Where Quick exit goes: a neutral page (default a weather search). */
    String quickExitUrl();
}
