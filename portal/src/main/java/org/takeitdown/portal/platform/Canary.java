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
import java.util.Collection;
import java.util.List;

/**
 * A generated image's hashes given to one platform only, to trace a leaked list (see {@link CanaryService}).
 * Its id comes from the items' id sequence and its seq from the sequencer, like an item's.
 */
@Entity
@Table(name = "canary")
public class Canary extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canary_item_id")
    @SequenceGenerator(name = "canary_item_id", sequenceName = "case_item_seq", allocationSize = 50)
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

    /** The platform's sequenced canaries with a seq above {@code after}, in seq order. */
    static List<Canary> changedAfter(long platformId, long after) {
        return list("platformId = ?1 and seq > ?2 order by seq", platformId, after);
    }

    /** The platform's sequenced canaries with a seq at or below {@code through}, in seq order. */
    static List<Canary> through(long platformId, long through) {
        return list("platformId = ?1 and seq <= ?2 order by seq", platformId, through);
    }

    static List<Canary> ofPlatform(long platformId) {
        return list("platformId", platformId);
    }

    /** Canaries, of any platform, with one of these PDQs or MD5s. */
    static List<Canary> withHashes(Collection<String> hashes) {
        return hashes.isEmpty() ? List.of() : list("pdq in ?1 or md5 in ?1", hashes);
    }

    PlatformApi.FeedItem toFeedItem() {
        return new PlatformApi.FeedItem(id, seq, "image", md5, pdq, pdqQuality.intValue(), "active", addedOn, null);
    }
}
