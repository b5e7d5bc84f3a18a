package org.takeitdown.portal.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A platform's latest report on one item; a later report replaces it. */
@Entity
@Table(name = "match_feedback")
public class MatchFeedback extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "match_feedback_seq")
    @SequenceGenerator(name = "match_feedback_seq", sequenceName = "match_feedback_seq", allocationSize = 50)
    public Long id;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "platform_id")
    public Long platformId;

    public Outcome outcome;

    @Column(name = "updated_on")
    public LocalDate updatedOn;

    static Optional<MatchFeedback> findByItemAndPlatform(long itemId, long platformId) {
        return find("itemId = ?1 and platformId = ?2", itemId, platformId).firstResultOptional();
    }

    /** Active items that at least {@code platforms} distinct platforms reported as not blocked. */
    static List<Long> flaggedItems(int platforms) {
        return getEntityManager().createQuery("select f.itemId from MatchFeedback f, CaseItem i "
                + "where i.id = f.itemId and i.status = org.takeitdown.portal.cases.CaseStatus.active "
                + "and f.outcome = ?1 group by f.itemId having count(distinct f.platformId) >= ?2 order by f.itemId",
                Long.class).setParameter(1, Outcome.not_blocked).setParameter(2, (long) platforms).getResultList();
    }
}
