package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One submitted file's hashes: kind, MD5, optional PDQ with quality, status, a stable id and the
 * sync sequence ({@code seq}) that platforms follow. Every change sets seq to null and the
 * sequencer then gives the item a new, larger seq in commit order. Written only by {@link CaseStore}. Withdrawn and removed items keep
 * no hashes here; their exchange hash alone is kept sealed in {@link WithdrawnHash} until the purge.
 */
@Entity
@Table(name = "case_item")
public class CaseItem extends PanacheEntityBase {
    /** From {@code case_item_seq}, set by {@link CaseStore} (see {@code db/Sequences}). */
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
}
