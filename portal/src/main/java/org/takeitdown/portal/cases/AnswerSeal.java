package org.takeitdown.portal.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from a client's Idempotency-Key with HKDF-SHA-256 ({@link Hkdf}, RFC 5869) and a
 * random per-answer salt: one encrypts the stored answer (AES-256-GCM, the lookup HMAC as associated
 * data), one MACs the request body it answered. The Idempotency-Key is never stored, so the rows
 * reveal nothing without it; this holds because the key is high-entropy — 22 base64url characters
 * are 132 bits, a version-4 UUID 122 — which is why shorter keys are refused.
 */
final class AnswerSeal {
    /** 22 to 200 base64url characters, or a UUID in its canonical 8-4-4-4-12 hex form. */
    static final Pattern KEY_FORMAT = Pattern.compile(
            "[A-Za-z0-9_-]{22,200}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final byte[] ANSWER_INFO = "idempotent-answer".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_INFO = "idempotent-body".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AnswerSeal() {
    }

    static boolean wellFormed(String key) {
        return key != null && KEY_FORMAT.matcher(key).matches();
    }

    /** A fresh salt, as 32 hex digits. */
    static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    /** HMAC-SHA-256 of the body's canonical text under a key derived from the Idempotency-Key. */
    static String bodyMac(String key, String salt, String canonicalBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive(key, salt, BODY_INFO), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonicalBody.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two body MACs. */
    static boolean sameBody(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code plain} sealed ({@link Aead}) under a key from the client's key and salt, bound to {@code keyHmac}. */
    static String seal(String key, String salt, String keyHmac, String plain) {
        return Aead.seal(derive(key, salt, ANSWER_INFO), keyHmac.getBytes(StandardCharsets.US_ASCII), plain);
    }

    /** The plain answer; throws when the key, salt or row do not fit. */
    static String open(String key, String salt, String keyHmac, String sealed) throws GeneralSecurityException {
        return Aead.open(derive(key, salt, ANSWER_INFO), keyHmac.getBytes(StandardCharsets.US_ASCII), sealed);
    }

    private static byte[] derive(String key, String salt, byte[] info) {
        return Hkdf.derive(HEX.parseHex(salt), key.getBytes(StandardCharsets.UTF_8), info, 32);
    }
}
