package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.takeitdown.portal.cases.CaseItem;

/**
 * Deletes withdrawn and removed items completely once the retention period has passed since the
 * change (default 180 days), their feedback with them, and withdrawn cases left with no items.
 */
@Startup
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private final PlatformConfig config;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionService(PlatformConfig config) {
        this.config = config;
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                purge(LocalDate.now(ZoneOffset.UTC));
            } catch (RuntimeException e) {
                LOG.warnf("Retention purge failed and will be retried: %s", e.getClass().getSimpleName());
            }
        }, 1, 6 * 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Purges what changed before {@code today} minus the retention period; returns the items deleted. */
    public long purge(LocalDate today) {
        LocalDate before = today.minusDays(config.purgeAfter().toDays());
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = CaseItem.getEntityManager();
            em.createQuery("delete from MatchFeedback f where f.itemId in (select i.id from CaseItem i "
                    + "where i.status <> org.takeitdown.portal.cases.CaseStatus.active and i.changedOn < ?1)")
                    .setParameter(1, before).executeUpdate();
            em.createQuery("delete from WithdrawnHash w where w.itemId in (select i.id from CaseItem i "
                    + "where i.status <> org.takeitdown.portal.cases.CaseStatus.active and i.changedOn < ?1)")
                    .setParameter(1, before).executeUpdate();
            long items = em.createQuery("delete from CaseItem i where i.status <> "
                    + "org.takeitdown.portal.cases.CaseStatus.active and i.changedOn < ?1")
                    .setParameter(1, before).executeUpdate();
            em.createQuery("delete from ReportCase c where c.status = org.takeitdown.portal.cases.CaseStatus.withdrawn "
                    + "and not exists (select i.id from CaseItem i where i.caseId = c.id)").executeUpdate();
            return items;
        });
    }
}
