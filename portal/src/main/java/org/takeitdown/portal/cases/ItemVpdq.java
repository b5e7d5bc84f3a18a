package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A video item's vPDQ frames, stored in Meta's text form (written by {@link CaseStore}); deleted
 * when the item retires.
 */
@Entity
@Table(name = "item_vpdq")
public class ItemVpdq extends PanacheEntityBase {
    /** Room for 3,600 frames with long timestamps. */
    public static final int MAX_TEXT = 400_000;

    @Id
    @Column(name = "item_id")
    public Long itemId;

    /** One line a frame: {@code frameNumber,quality,pdqHex,timestampSeconds}. */
    public String frames;
}
