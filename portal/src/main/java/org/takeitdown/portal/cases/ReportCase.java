package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A take-down case: its number, the HMAC of its key, status and the date (no time) it was made; written only by {@link CaseStore}. */
@Entity
@Table(name = "report_case")
public class ReportCase extends PanacheEntityBase {
    /** From {@code report_case_seq}, set by {@link CaseStore} (see {@code db/Sequences}). */
    @Id
    public Long id;

    @Column(name = "case_number")
    public String number;

    @Column(name = "key_hmac")
    public String keyHmac;

    public CaseStatus status;

    @Column(name = "created_on")
    public LocalDate createdOn;
}
