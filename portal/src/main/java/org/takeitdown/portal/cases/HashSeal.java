package org.takeitdown.portal.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a retired item's exchange hash with AES-256-GCM under a key derived from the server secret,
 * bound to the item id. A copy of the database alone does not reveal it when the secret is configured
 * ({@code portal.secret.value}); with a generated secret kept in the same database it only keeps the
 * hash out of plain sight until the purge deletes the row.
 */
@ApplicationScoped
public class HashSeal {
    private static final String PURPOSE = "withdrawn-exchange-hash";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Secrets secrets;

    public HashSeal(Secrets secrets) {
        this.secrets = secrets;
    }

    String seal(long itemId, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = cipher(Cipher.ENCRYPT_MODE, itemId, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exchange hash sealed in {@code row}. */
    public ExchangeHash open(WithdrawnHash row) {
        try {
            byte[] all = Base64.getDecoder().decode(row.sealed);
            Cipher c = cipher(Cipher.DECRYPT_MODE, row.itemId, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return ExchangeHash.parse(new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a withdrawn hash does not open under this server secret", e);
        }
    }

    private Cipher cipher(int mode, long itemId, GCMParameterSpec iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(secrets.key(PURPOSE), "AES"), iv);
        c.updateAAD(Long.toString(itemId).getBytes(StandardCharsets.US_ASCII));
        return c;
    }
}
