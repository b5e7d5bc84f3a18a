package org.takeitdown.portal.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The operator's password (HTTP Basic user {@code admin}); without it every admin call answers 404. */
@ConfigMapping(prefix = "portal.admin")
public interface AdminConfig {
    Optional<String> password();

    /** Whether a password is set, so that the admin page and API exist at all. */
    default boolean enabled() {
        return password().filter(p -> !p.isEmpty()).isPresent();
    }
}
