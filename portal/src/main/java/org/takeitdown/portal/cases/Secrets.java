package org.takeitdown.portal.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.takeitdown.portal.db.Jdbc;

/**
 * Keyed operations with the server secret: HMAC-SHA-256 of case keys and idempotency keys
 * (compared in constant time). Stored idempotent answers are not encrypted with it, since it may sit
 * in the same database ({@link AnswerSeal} uses the client's Idempotency-Key). The secret comes
 * from {@code portal.secret.value}, or is generated on first start and kept in the database; either
 * way it is loaded at start-up, before the HTTP port opens, so that no answer ever depends on a
 * generated secret that is not yet in the database file.
 */
@ApplicationScoped
public class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretConfig config;
    private final CaseStore store;
    private final Jdbc jdbc;
    private volatile byte[] secret;

    public Secrets(SecretConfig config, CaseStore store, Jdbc jdbc) {
        this.config = config;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Quarkus opens the HTTP port only after start-up observers return (and fails to start if one throws). */
    void onStart(@Observes StartupEvent start) {
        secret();
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
        byte[] stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(this::storedOrNew);
        } catch (RuntimeException raced) {
            // Another instance stored its secret first: use that one.
            stored = QuarkusTransaction.requiringNew().call(this::storedOrNew);
        }
        syncToDisk();
        return stored;
    }

    /**
     * A just generated secret must survive a power cut, or every case key made with it is lost: flushed to
     * disk once per start where commits do not reach it by themselves (embedded H2, see {@link Jdbc#syncToDisk}).
     */
    private void syncToDisk() {
        jdbc.syncToDisk();
    }

    private byte[] storedOrNew() {
        String stored = store.serverSecret().orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            stored = HexFormat.of().formatHex(fresh);
            store.insertServerSecret(stored);
        }
        return stored.getBytes(StandardCharsets.UTF_8);
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

    /** A 256-bit key for {@code purpose}, derived from the server secret (for sealing, see {@link HashSeal}). */
    public byte[] key(String purpose) {
        try {
            return derive(purpose);
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
