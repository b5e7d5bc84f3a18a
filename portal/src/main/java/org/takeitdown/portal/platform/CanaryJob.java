package org.takeitdown.portal.platform;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Makes the canaries whose time has come and notices those other instances made ({@link CanaryService}): a
 * scheduled job, every {@link PlatformConfig#canaryInterval()}, never two runs at once on one instance (runs of
 * several instances take each slot once, under the platform's row lock).
 */
@ApplicationScoped
public class CanaryJob {
    private static final Logger LOG = Logger.getLogger(CanaryJob.class);
    private final CanaryService canaries;

    public CanaryJob(CanaryService canaries) {
        this.canaries = canaries;
    }

    @Scheduled(identity = "canaries", every = "${portal.platform.canary-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            canaries.refresh();
            canaries.makeDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Making due canaries failed and will be retried: %s", e.getClass().getSimpleName());
        }
    }
}
