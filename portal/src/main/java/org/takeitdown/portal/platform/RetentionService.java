package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.takeitdown.portal.cases.CaseService;

/**
 * Deletes withdrawn and removed items completely once the retention period has passed since the
 * change (default 180 days), their feedback with them, and withdrawn cases left with no items; and stored answers
 * to Idempotency-Keys that have expired that new cases have not deleted yet (each deletes only a few). A
 * scheduled job: every six hours, first a minute after start, never two runs at once.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private final PlatformConfig config;
    private final FeedbackService feedback;
    private final CaseService cases;

    public RetentionService(PlatformConfig config, FeedbackService feedback, CaseService cases) {
        this.config = config;
        this.feedback = feedback;
        this.cases = cases;
    }

    @Scheduled(identity = "retention", every = "6h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            purge(LocalDate.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed and will be retried: %s", e.getClass().getSimpleName());
        }
    }

    /** Purges what changed before {@code today} minus the retention period; returns the items deleted. */
    public long purge(LocalDate today) {
        LocalDate before = today.minusDays(config.purgeAfter().toDays());
        return QuarkusTransaction.requiringNew().call(() -> {
            cases.deleteExpiredAnswers();
            feedback.deleteForItemsRetiredBefore(before);
            return cases.purgeRetiredBefore(before);
        });
    }
}
