package org.takeitdown.portal.pages;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Who runs this deployment, for the about and privacy page; unset, the page says the details are missing. */
@ConfigMapping(prefix = "portal.operator")
public interface OperatorConfig {
    /** The organisation or person running this copy of the portal. */
    Optional<String> name();

    /** How to reach them: an email address or a web address. */
    Optional<String> contact();
}
