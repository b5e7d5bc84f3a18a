package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/**
 * One submitted file's hashes: kind, MD5, optional PDQ with quality, status, a stable id and the
 * sync sequence ({@code seq}) that platforms follow; every change gives the item a new, larger seq.
 */
@Entity
@Table(name = "case_item")
public class CaseItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_item_seq")
    @SequenceGenerator(name = "case_item_seq", sequenceName = "case_item_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String kind;
    public String md5;
    public String pdq;

    @Column(name = "pdq_quality")
    public Short pdqQuality;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public long seq;

    @Column(name = "added_on")
    public LocalDate addedOn;

    static List<CaseItem> listByCase(Long caseId) {
        return list("caseId", caseId);
    }

    static long countByCase(Long caseId) {
        return count("caseId", caseId);
    }

    static List<String> md5sOfCase(Long caseId) {
        return find("select i.md5 from CaseItem i where i.caseId = ?1", caseId).project(String.class).list();
    }
}
