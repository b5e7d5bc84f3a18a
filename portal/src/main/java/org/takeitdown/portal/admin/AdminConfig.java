package org.takeitdown.portal.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The operator's password (HTTP Basic user {@code admin}); without it every admin call answers 404. */
@ConfigMapping(prefix = "portal.admin")
public interface AdminConfig {
    /**
     * The shortest password accepted. Guessing is slowed only per address (its budget of wrong admin
     * passwords), not across many addresses, so the password itself must be out of reach: 16 random
     * characters of the 64 of base64 are 96 bits.
     */
    int SHORTEST_PASSWORD = 16;

    Optional<String> password();

    /** Whether a password is set, so that the admin page and API exist at all. */
    default boolean enabled() {
        return password().filter(p -> !p.isEmpty()).isPresent();
    }

    /** Refuses a password that is set but shorter than {@link #SHORTEST_PASSWORD}, saying how to make one. */
    default void requireLongPassword() {
        if (enabled() && password().orElseThrow().length() < SHORTEST_PASSWORD) {
            throw new IllegalStateException("portal.admin.password (PORTAL_ADMIN_PASSWORD) must be at least "
                    + SHORTEST_PASSWORD + " characters; make a random one, e.g. with: openssl rand -base64 24. "
                    + "Leave it unset to turn the admin page and API off.");
        }
    }
}
