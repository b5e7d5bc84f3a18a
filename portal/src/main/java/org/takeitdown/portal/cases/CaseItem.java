package org.takeitdown.portal.cases;

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

/**
 * One submitted file's hashes: kind, MD5, optional PDQ with quality, status, a stable id and the
 * sync sequence ({@code seq}) that platforms follow. Every change sets seq to null and the
 * sequencer then gives the item a new, larger seq in commit order. Withdrawn and removed items keep
 * no hashes here; their exchange hash alone is kept sealed in {@link WithdrawnHash} until the purge.
 */
@Entity
@Table(name = "case_item")
public class CaseItem extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String kind;
    public String md5;
    public String pdq;

    @Column(name = "pdq_quality")
    public Short pdqQuality;

    public CaseStatus status;

    /** Null while the change awaits sequencing. */
    public Long seq;

    @Column(name = "added_on")
    public LocalDate addedOn;

    /** The date of the last change, for retention. */
    @Column(name = "changed_on")
    public LocalDate changedOn;

    @Column(name = "removal_reason")
    public String removalReason;

    /** How many vPDQ frames a video item carries ({@link ItemVpdq}); null when none. */
    @Column(name = "vpdq_frames")
    public Integer vpdqFrames;

    /**
     * Marks the item withdrawn or removed: hashes (vPDQ frames too) cleared, to be sequenced again; its
     * exchange hash, if it has one, sealed into {@link WithdrawnHash} with the seq clients last saw.
     */
    public void retire(CaseStatus to, LocalDate today, HashSeal seal) {
        ExchangeHash hash = ExchangeHash.of(kind, md5, pdq, pdqQuality == null ? null : pdqQuality.intValue());
        if (hash != null && WithdrawnHash.findById(id) == null) {
            WithdrawnHash kept = new WithdrawnHash();
            kept.itemId = id;
            kept.firstSeq = committedSeq();
            kept.receivers = receivers(kept.firstSeq);
            kept.sealed = seal.seal(id, hash.text());
            kept.persist();
        }
        status = to;
        md5 = null;
        pdq = null;
        pdqQuality = null;
        if (vpdqFrames != null) {
            ItemVpdq.deleteFor(id);
            vpdqFrames = null;
        }
        seq = null;
        changedOn = today;
    }

    /**
     * The item's seq as last committed, read under a row lock: the sequencer may have numbered the item (and a
     * client fetched it) after this transaction loaded it, so the loaded {@link #seq} can be stale (null).
     */
    private Long committedSeq() {
        Object v = getEntityManager().createNativeQuery("SELECT seq FROM case_item WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getSingleResult();
        return v == null ? null : ((Number) v).longValue();
    }

    /**
     * The platforms whose exchange mark is at or past {@code firstSeq}, read under their row locks: an exchange
     * page holds its platform's lock from before it reads items until it commits its mark, so a page either
     * finished before this withdrawal (and its mark shows whether it gave the item) or reads after it commits
     * (and no longer sees the item active).
     */
    @SuppressWarnings("unchecked")
    private String receivers(Long firstSeq) {
        StringBuilder out = new StringBuilder(",");
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT id, exchange_mark FROM platform ORDER BY id FOR UPDATE").getResultList();
        for (Object[] r : rows) {
            if (firstSeq != null && ((Number) r[1]).longValue() >= firstSeq) {
                out.append(((Number) r[0]).longValue()).append(',');
            }
        }
        return out.toString();
    }

    /** Items whose latest change has a seq above {@code after}, in seq order; {@code limit} of them. */
    public static List<CaseItem> changedAfter(long after, int limit) {
        return find("seq > ?1 order by seq", after).page(0, limit).list();
    }

    /** Active items with one of these MD5s. */
    public static List<CaseItem> activeByMd5(java.util.Collection<String> md5s) {
        return list("status = ?1 and md5 in ?2", CaseStatus.active, md5s);
    }

    static List<CaseItem> listByCase(Long caseId) {
        return list("caseId", caseId);
    }
}
