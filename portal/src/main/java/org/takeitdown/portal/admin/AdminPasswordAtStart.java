package org.takeitdown.portal.admin;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the start-up on an admin password too short to resist guessing ({@link AdminConfig#requireLongPassword}). */
@ApplicationScoped
public class AdminPasswordAtStart {
    void check(@Observes StartupEvent start, AdminConfig config) {
        config.requireLongPassword();
    }
}
