package org.takeitdown.portal.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A participating platform: its name, the HMAC of its API key, and whether the key is revoked, and its scope.
 * Mapped for {@link PlatformStore} alone, which gives it its id from {@code platform_seq}.
 */
@Entity
@Table(name = "platform")
public class Platform extends PanacheEntityBase {
    @Id
    public Long id;

    public String name;

    @Column(name = "key_hmac")
    public String keyHmac;

    @Column(name = "created_on")
    public LocalDate createdOn;

    public boolean revoked;

    /** {@link Scope#text()}: "full" or "match-only". */
    public String scope;

    /** Shown on the public list of participating platforms (the platform's choice, set from /admin). */
    public boolean listed;

    /** What the platform scans, in its own short words, for the public list; may be null. */
    public String scans;
}
