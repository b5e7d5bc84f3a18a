package org.takeitdown.portal.cases;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the values the portal stores sealed: {@code base64(iv || ciphertext and tag)}, a fresh random
 * 96-bit IV each time (NIST SP 800-38D section 8.2.2) and a 128-bit tag, bound to associated data that names
 * what the value belongs to, so a sealed value copied to another row does not open.
 */
final class Aead {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static String seal(byte[] key, byte[] associated, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, associated, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain value; throws when the key or the associated data are not the ones it was sealed with. */
    static String open(byte[] key, byte[] associated, String sealed) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(sealed);
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be a sealed value");
        }
        Cipher c = cipher(Cipher.DECRYPT_MODE, key, associated, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
        return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] associated, GCMParameterSpec iv)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), iv);
        c.updateAAD(associated);
        return c;
    }
}
