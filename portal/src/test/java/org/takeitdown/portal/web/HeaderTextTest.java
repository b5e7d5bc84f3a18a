package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTextTest {
    private static String asServerReadsIt(String sent) {
        return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsUtf8BytesAsTheTextTheClientSent() {
        assertThat(HeaderText.utf8(asServerReadsIt("S٣B٧٦"))).isEqualTo("S٣B٧٦");
        assertThat(HeaderText.utf8(asServerReadsIt("Ｚ３ＸＺ４"))).isEqualTo("Ｚ３ＸＺ４");
    }

    @Test
    void leavesAsciiNullAndBytesThatAreNotUtf8Unchanged() {
        assertThat(HeaderText.utf8("ABC-123")).isEqualTo("ABC-123");
        assertThat(HeaderText.utf8(null)).isNull();
        assertThat(HeaderText.utf8("caf\u00E9")).isEqualTo("caf\u00E9");
    }
}
