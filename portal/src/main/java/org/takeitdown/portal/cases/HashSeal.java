package org.takeitdown.portal.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Seals a retired item's exchange hash ({@link Aead}) under a key derived from the server secret,
 * bound to the item id. A copy of the database alone does not reveal it when the secret is configured
 * ({@code portal.secret.value}); with a generated secret kept in the same database it only keeps the
 * hash out of plain sight until the purge deletes the row.
 */
@ApplicationScoped
public class HashSeal {
    private static final String PURPOSE = "withdrawn-exchange-hash";

    private final Secrets secrets;

    public HashSeal(Secrets secrets) {
        this.secrets = secrets;
    }

    String seal(long itemId, String plain) {
        return Aead.seal(secrets.key(PURPOSE), associated(itemId), plain);
    }

    /** The exchange hash sealed for item {@code itemId} (a {@code withdrawn_hash} row's {@code sealed}). */
    public ExchangeHash open(long itemId, String sealed) {
        try {
            return ExchangeHash.parse(Aead.open(secrets.key(PURPOSE), associated(itemId), sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a withdrawn hash does not open under this server secret", e);
        }
    }

    private static byte[] associated(long itemId) {
        return Long.toString(itemId).getBytes(StandardCharsets.US_ASCII);
    }
}
