package org.takeitdown.portal.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Platform sharing: sync cadence, the false-submission flag, and retention of withdrawn items. */
@ConfigMapping(prefix = "portal.platform")
public interface PlatformConfig {
    /** How often this instance sequences committed changes and catches its match index up. */
    @WithDefault("PT0.2S")
    Duration syncInterval();

    /** Distinct platforms answering not_blocked that flag an item as a possible false submission. */
    @WithDefault("3")
    int flagThreshold();

    /** Withdrawn and removed items are deleted completely this long after the change. */
    @WithDefault("P180D")
    Duration purgeAfter();
}
