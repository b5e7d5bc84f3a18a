package org.takeitdown.portal.cases;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final AgroalDataSource db;
    private final boolean h2;
    private volatile byte[] secret;

    public Secrets(SecretConfig config, AgroalDataSource db,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.config = config;
        this.db = db;
        this.h2 = "h2".equals(dbKind);
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
            stored = QuarkusTransaction.requiringNew().call(Secrets::storedOrNew);
        } catch (RuntimeException raced) {
            // Another instance stored its secret first: use that one.
            stored = QuarkusTransaction.requiringNew().call(Secrets::storedOrNew);
        }
        syncToDisk();
        return stored;
    }

    /**
     * PostgreSQL flushes every commit to disk (synchronous_commit); embedded H2 writes a commit to the
     * file (WRITE_DELAY=0) but leaves the flush to the operating system, so a power cut could lose a
     * just generated secret and with it every case key. CHECKPOINT SYNC makes H2 call fsync, once per start.
     */
    private void syncToDisk() {
        if (!h2) {
            return;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("could not flush the database file to disk", e);
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
