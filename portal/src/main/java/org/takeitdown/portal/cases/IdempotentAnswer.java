package org.takeitdown.portal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The answer to a case creation with an Idempotency-Key, kept for 24 to 48 hours (until a UTC midnight): found by an HMAC of the
 * key under the server secret, encrypted and bound to its body under keys derived from the
 * Idempotency-Key itself ({@link AnswerSeal}), which is stored nowhere.
 */
@Entity
@Table(name = "idempotent_answer")
public class IdempotentAnswer extends PanacheEntityBase {
    @Id
    @Column(name = "key_hmac")
    public String keyHmac;

    /** Random HKDF salt of this row, 32 hex digits. */
    public String salt;

    @Column(name = "body_mac")
    public String bodyMac;

    public String answer;

    @Column(name = "expires_at")
    public LocalDateTime expiresAt;
}
