package org.takeitdown.portal.impact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takeitdown.portal.cases.CaseStore;
import org.takeitdown.portal.platform.FeedbackService;
import org.takeitdown.portal.platform.PlatformService;

/**
 * Aggregate figures for the public impact page: nothing about any single case or platform. Counting them reads
 * every case and item, so the page shows the last count, made every {@link #REFRESH}: however many people or
 * robots load the page, the database counts at most once in that time, and a request reads no table.
 */
@ApplicationScoped
public class ImpactService {
    public static final int WEEKS = 12;
    /** How often the figures are counted again (a Quarkus duration); the page's figures are at most this old. */
    public static final String REFRESH = "5m";
    private static final Logger LOG = Logger.getLogger(ImpactService.class);

    public record Week(LocalDate start, long cases, long hashes) {
    }

    /**
     * The totals: {@code cases} and {@code hashesReceived} count everything ever made, withdrawn included,
     * as the weekly figures do; {@code activeHashes} only what platforms use today.
     */
    public record Figures(long cases, long hashesReceived, long activeHashes, long platforms, long blocked,
                          List<Week> weeks) {
    }

    private final CaseStore cases;
    private final PlatformService platforms;
    private final FeedbackService feedback;
    private volatile Figures current;

    public ImpactService(CaseStore cases, PlatformService platforms, FeedbackService feedback) {
        this.cases = cases;
        this.platforms = platforms;
        this.feedback = feedback;
    }

    /** The last figures counted; the first request after a start counts them (others arriving meanwhile wait for it). */
    public Figures figures() {
        Figures f = current;
        if (f == null) {
            synchronized (this) {
                f = current;
                if (f == null) {
                    f = count();
                    current = f;
                }
            }
        }
        return f;
    }

    /** Counts the figures again now; the page shows them from then on. */
    public void refresh() {
        current = count();
    }

    @Scheduled(identity = "impact-figures", every = REFRESH, delayed = REFRESH,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Counting the impact figures failed; the page keeps the last count: %s", e.getClass().getSimpleName());
        }
    }

    private Figures count() {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(WEEKS - 1);
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseStore.Totals totals = cases.totals();
            long[] casesByWeek = byWeek(cases.casesByDay(from), from);
            long[] hashesByWeek = byWeek(cases.itemsByDay(from), from);
            List<Week> weeks = new ArrayList<>();
            for (int w = 0; w < WEEKS; w++) {
                weeks.add(new Week(from.plusWeeks(w), casesByWeek[w], hashesByWeek[w]));
            }
            return new Figures(totals.cases(), totals.items(), totals.activeItems(), platforms.countActive(),
                    feedback.countBlocked(), weeks);
        });
    }

    private static long[] byWeek(Map<LocalDate, Long> days, LocalDate from) {
        long[] out = new long[WEEKS];
        days.forEach((day, n) -> {
            long w = (day.toEpochDay() - from.toEpochDay()) / 7;
            if (w >= 0 && w < WEEKS) {
                out[(int) w] += n;
            }
        });
        return out;
    }
}
