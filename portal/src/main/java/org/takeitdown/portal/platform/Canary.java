package org.takeitdown.portal.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A generated image's hashes given to one platform only, to trace a leaked list (see {@link CanaryService}).
 * Its id comes from the items' id sequence ({@link PlatformStore}) and its seq from the sequencer, like an item's.
 */
@Entity
@Table(name = "canary")
public class Canary extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(name = "platform_id")
    public Long platformId;

    public String md5;
    public String pdq;

    @Column(name = "pdq_quality")
    public Short pdqQuality;

    /** Null until the sequencer numbers it. */
    public Long seq;

    @Column(name = "added_on")
    public LocalDate addedOn;
}
