package org.takeitdown.portal.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Platform sharing: sync cadence, the false-submission flag, retention of withdrawn items, match work. */
@ConfigMapping(prefix = "portal.platform")
public interface PlatformConfig {
    /**
     * How often this instance sequences committed changes and catches its match index up ({@link SyncJob});
     * Quarkus's scheduler checks its jobs once a second, so shorter intervals act as one second.
     */
    @WithDefault("PT1S")
    Duration syncInterval();

    /** Distinct platforms answering not_blocked that flag an item as a possible false submission. */
    @WithDefault("3")
    int flagThreshold();

    /** Withdrawn and removed items are deleted completely this long after the change. */
    @WithDefault("P180D")
    Duration purgeAfter();

    /**
     * Stored hashes one match request may compare with its queries (PDQ candidates, video frame
     * candidates and exact frame comparisons), shared among its queries; past it the answer holds
     * the nearest matches found and says {@code "truncated": true}. 20 M leaves 20,000 for each of
     * 1,000 queries, where a random query at distance 31 examines under 5,000 at 10 M hashes; one
     * clustered request that spent it took 5.2 s on the loaded 2-core test machine (README, Benchmark).
     */
    @WithDefault("20000000")
    long matchBudget();
}
