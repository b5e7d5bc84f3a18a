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
import java.util.List;
import java.util.Optional;

/** A participating platform: its name, the HMAC of its API key, and whether the key is revoked, and its scope. */
@Entity
@Table(name = "platform")
public class Platform extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_seq")
    @SequenceGenerator(name = "platform_seq", sequenceName = "platform_seq", allocationSize = 1)
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

    static Optional<Platform> findActiveByKeyHmac(String keyHmac) {
        return find("keyHmac = ?1 and revoked = false", keyHmac).firstResultOptional();
    }

    static List<Platform> listInOrder() {
        return list("order by id");
    }

    static List<Platform> listedPublicly() {
        return list("listed = true and revoked = false order by name");
    }

    static long countActive() {
        return count("revoked", false);
    }
}
