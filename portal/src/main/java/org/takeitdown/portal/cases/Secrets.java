package org.takeitdown.portal.cases;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed operations with the server secret: HMAC-SHA-256 of case keys and idempotency keys
 * (compared in constant time). Stored idempotent answers are not encrypted with it, since it may sit
 * in the same database ({@link AnswerSeal} uses the client's Idempotency-Key). The secret comes
 * from {@code portal.secret.value}, or is generated on first start and kept in the database.
 */
@ApplicationScoped
public class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretConfig config;
    private volatile byte[] secret;

    public Secrets(SecretConfig config) {
        this.config = config;
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = load();
            secret = s;
        }
        return s;
    }

    private synchronized byte[] load() {
        if (config.value().isPresent()) {
            String v = config.value().get();
            if (v.length() < 32) {
                throw new IllegalStateException("portal.secret.value must be at least 32 characters");
            }
            return v.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return QuarkusTransaction.requiringNew().call(Secrets::storedOrNew);
        } catch (RuntimeException raced) {
            // Another instance stored its secret first: use that one.
            return QuarkusTransaction.requiringNew().call(Secrets::storedOrNew);
        }
    }

    private static byte[] storedOrNew() {
        ServerSecret row = ServerSecret.current();
        if (row == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            row = new ServerSecret();
            row.id = ServerSecret.ROW;
            row.secret = HexFormat.of().formatHex(fresh);
            row.persistAndFlush();
        }
        return row.secret.getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA-256 of {@code value} under a purpose-specific key, as 64 hex digits. */
    public String hmac(String purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose, value.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] mac(String purpose, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive(purpose), "HmacSHA256"));
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] derive(String purpose) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
        return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of two hex HMACs. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
