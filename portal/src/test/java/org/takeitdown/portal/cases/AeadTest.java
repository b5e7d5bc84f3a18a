package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealed values open only with their key and associated data, and never after a change. */
class AeadTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedValueOpensWithItsKeyAndAssociatedDataOnly() throws Exception {
        String sealed = Aead.seal(KEY, "item 7".getBytes(StandardCharsets.US_ASCII), "pdq:abc");
        assertThat(Aead.open(KEY, "item 7".getBytes(StandardCharsets.US_ASCII), sealed)).isEqualTo("pdq:abc");
        assertThat(sealed).doesNotContain("pdq");
        assertThatThrownBy(() -> Aead.open(KEY, "item 8".getBytes(StandardCharsets.US_ASCII), sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Aead.open(OTHER_KEY, "item 7".getBytes(StandardCharsets.US_ASCII), sealed))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aChangedOrTruncatedValueDoesNotOpen() {
        byte[] ad = {1};
        byte[] raw = Base64.getDecoder().decode(Aead.seal(KEY, ad, "answer"));
        raw[raw.length - 1] ^= 1;
        String changed = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> Aead.open(KEY, ad, changed)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Aead.open(KEY, ad, Base64.getEncoder().encodeToString(new byte[20])))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void everySealUsesAFreshIv() {
        assertThat(Aead.seal(KEY, new byte[0], "same")).isNotEqualTo(Aead.seal(KEY, new byte[0], "same"));
    }
}
