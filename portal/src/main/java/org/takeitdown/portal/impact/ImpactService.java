package org.takeitdown.portal.impact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.takeitdown.portal.cases.CaseItem;

/** Aggregate figures for the public impact page: nothing about any single case or platform. */
@ApplicationScoped
public class ImpactService {
    public static final int WEEKS = 12;

    public record Week(LocalDate start, long cases, long hashes) {
    }

    /**
     * The totals: {@code cases} and {@code hashesReceived} count everything ever made, withdrawn included,
     * as the weekly figures do; {@code activeHashes} only what platforms use today.
     */
    public record Figures(long cases, long hashesReceived, long activeHashes, long platforms, long blocked,
                          List<Week> weeks) {
    }

    public Figures figures() {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(WEEKS - 1);
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = CaseItem.getEntityManager();
            long cases = em.createQuery("select count(c) from ReportCase c", Long.class).getSingleResult();
            long received = em.createQuery("select count(i) from CaseItem i", Long.class).getSingleResult();
            long hashes = em.createQuery("select count(i) from CaseItem i where i.status = "
                    + "org.takeitdown.portal.cases.CaseStatus.active", Long.class).getSingleResult();
            long platforms = em.createQuery("select count(p) from Platform p where p.revoked = false", Long.class)
                    .getSingleResult();
            long blocked = em.createQuery("select count(f) from MatchFeedback f where f.outcome = "
                    + "org.takeitdown.portal.platform.Outcome.blocked", Long.class).getSingleResult();
            long[] casesByWeek = byWeek(em.createQuery("select c.createdOn, count(c) from ReportCase c "
                    + "where c.createdOn >= ?1 group by c.createdOn", Object[].class).setParameter(1, from)
                    .getResultList(), from);
            long[] hashesByWeek = byWeek(em.createQuery("select i.addedOn, count(i) from CaseItem i "
                    + "where i.addedOn >= ?1 group by i.addedOn", Object[].class).setParameter(1, from)
                    .getResultList(), from);
            List<Week> weeks = new ArrayList<>();
            for (int w = 0; w < WEEKS; w++) {
                weeks.add(new Week(from.plusWeeks(w), casesByWeek[w], hashesByWeek[w]));
            }
            return new Figures(cases, received, hashes, platforms, blocked, weeks);
        });
    }

    private static long[] byWeek(List<Object[]> rows, LocalDate from) {
        long[] out = new long[WEEKS];
        for (Object[] row : rows) {
            long days = ((LocalDate) row[0]).toEpochDay() - from.toEpochDay();
            int w = (int) (days / 7);
            if (w >= 0 && w < WEEKS) {
                out[w] += ((Number) row[1]).longValue();
            }
        }
        return out;
    }
}
