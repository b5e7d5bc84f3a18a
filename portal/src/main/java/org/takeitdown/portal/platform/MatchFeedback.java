package org.takeitdown.portal.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A platform's latest report on one item; a later report replaces it. Mapped for {@link PlatformStore} alone. */
@Entity
@Table(name = "match_feedback")
public class MatchFeedback extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "platform_id")
    public Long platformId;

    public Outcome outcome;

    @Column(name = "updated_on")
    public LocalDate updatedOn;
}
