package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The encrypted answer to a case creation with an Idempotency-Key, kept for 24 hours. */
@Entity
@Table(name = "idempotent_answer")
public class IdempotentAnswer extends PanacheEntityBase {
    @Id
    @Column(name = "key_hmac")
    public String keyHmac;

    @Column(name = "body_hash")
    public String bodyHash;

    public String answer;

    @Column(name = "expires_at")
    public LocalDateTime expiresAt;

    static IdempotentAnswer findLive(String keyHmac, LocalDateTime now) {
        IdempotentAnswer a = findById(keyHmac);
        return a != null && a.expiresAt.isAfter(now) ? a : null;
    }

    static long deleteExpired(LocalDateTime now) {
        return delete("expiresAt <= ?1", now);
    }
}
