package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {
    @Test
    void messageNamesTheConfiguredLargestBody() {
        assertThat(BodyLimits.tooLarge(1024 * 1024))
                .isEqualTo("A body without video frames may be at most 256 KiB; one with vPDQ frames at most 1 MiB.");
        assertThat(BodyLimits.tooLarge(3 * 1024 * 1024)).endsWith("at most 3 MiB.");
        assertThat(BodyLimits.tooLarge(1536 * 1024)).endsWith("at most 1536 KiB.");
    }

    @Test
    void smallLimitNeverExceedsTheLargestBody() {
        assertThat(BodyLimits.tooLarge(128 * 1024)).startsWith("A body without video frames may be at most 128 KiB;");
        assertThat(BodyLimits.tooLarge(200_000)).contains("at most 200000 bytes");
    }
}
