package org.takeitdown.portal.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Abuse limits: per client address (salted, never stored) and per platform key. */
@ConfigMapping(prefix = "portal.limits")
public interface LimitsConfig {
    /** {@code false} lifts every limit (load tests only). */
    @WithDefault("true")
    boolean enabled();

    /** Case creations allowed from one address within {@link #createWindow()}. */
    @WithDefault("10")
    int createPerWindow();

    @WithDefault("PT10M")
    Duration createWindow();

    /** Cases one address may create in one (UTC) day. */
    @WithDefault("50")
    int casesPerDay();

    /** Failed case look-ups (wrong number or key) allowed from one address within {@link #lookupWindow()}. */
    @WithDefault("20")
    int lookupFailuresPerWindow();

    @WithDefault("PT10M")
    Duration lookupWindow();

    /** Requests one platform key may make per second, sustained. */
    @WithDefault("50")
    int platformPerSecond();

    /** Requests one platform key may make at once before the per-second rate applies. */
    @WithDefault("200")
    int platformBurst();
}
