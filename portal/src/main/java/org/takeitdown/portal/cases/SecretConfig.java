package org.takeitdown.portal.cases;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The server secret for case-key HMACs (env {@code PORTAL_SECRET_VALUE}); generated and stored when absent. */
@ConfigMapping(prefix = "portal.secret")
public interface SecretConfig {
    /** At least 32 characters; rotate by following the README (old keys stop working). */
    Optional<String> value();
}
