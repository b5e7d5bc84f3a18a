package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the PDQ match index has been loaded from the database (the datasource has its own check). */
@Readiness
@ApplicationScoped
public class MatchIndexReadiness implements HealthCheck {
    private final SyncService sync;

    public MatchIndexReadiness(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("match-index").status(sync.loaded())
                .withData("hashes", sync.index().size()).build();
    }
}
