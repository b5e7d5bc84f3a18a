package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the PDQ match index has been loaded from the database (the datasource has its own check). It says no
 * more: the index's size, polled on this unauthenticated endpoint, would tell within a second when someone
 * submitted and how many pictures, which the public figures count only every 5 minutes for that reason.
 */
@Readiness
@ApplicationScoped
public class MatchIndexReadiness implements HealthCheck {
    private final MatchIndexes indexes;

    public MatchIndexReadiness(MatchIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("match-index").status(indexes.loaded()).build();
    }
}
