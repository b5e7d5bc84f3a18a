package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A retired item's exchange hash, sealed under the server secret ({@link HashSeal}), kept only so that
 * the exchange can tell clients that received the hash to drop it; deleted with the item at the purge.
 */
@Entity
@Table(name = "withdrawn_hash")
public class WithdrawnHash extends PanacheEntityBase {
    @Id
    @Column(name = "item_id")
    public Long itemId;

    /** The item's seq when it was retired: a client whose cursor is past it received the hash. Null: none did. */
    @Column(name = "first_seq")
    public Long firstSeq;

    /** ",id,id,": the platforms whose exchange client was given the item while it was active. */
    public String receivers;

    public String sealed;
}
