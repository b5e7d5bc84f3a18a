package org.takeitdown.portal.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminConfigTest {
    private static AdminConfig password(String value) {
        return () -> Optional.ofNullable(value);
    }

    @Test
    void aPasswordShorterThanSixteenCharactersIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> password("a").requireLongPassword()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 16 characters").hasMessageContaining("openssl rand");
        assertThatThrownBy(() -> password("fifteen-chars-x").requireLongPassword())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongPasswordOrNoneAtAllIsAccepted() {
        assertThatCode(() -> password("sixteen-chars-xx").requireLongPassword()).doesNotThrowAnyException();
        assertThatCode(() -> password(null).requireLongPassword()).doesNotThrowAnyException();
        assertThatCode(() -> password("").requireLongPassword()).doesNotThrowAnyException();
    }
}
