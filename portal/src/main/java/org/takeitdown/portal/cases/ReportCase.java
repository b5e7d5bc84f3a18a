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

/** A take-down case: its number, the HMAC of its key, status and the date (no time) it was made. */
@Entity
@Table(name = "report_case")
public class ReportCase extends PanacheEntityBase {
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
