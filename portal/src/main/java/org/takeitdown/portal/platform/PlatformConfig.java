package org.takeitdown.portal.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Platform sharing: sync cadence, the false-submission flag, retention of withdrawn items, match work, canaries. */
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

    /**
     * A new platform's first canary is made at a moment drawn uniformly within this time after its key's
     * creation ({@link CanaryService#schedule}): soon enough that a leak in its first day is traceable, yet not
     * at the key's instant, so its id, seq and day do not give it away.
     */
    @WithDefault("PT24H")
    Duration canaryFirstWithin();

    /**
     * Its other canaries are made at moments drawn uniformly within this time after the key's creation: a
     * leaker who drops everything added in this window after its key loses that month of the list too.
     */
    @WithDefault("P30D")
    Duration canaryAllWithin();

    /**
     * How often each instance makes the canaries whose time has come ({@link CanaryJob}) and notices canaries
     * another instance made (so its platforms' queries match them): a canary is made at most this late.
     */
    @WithDefault("PT1M")
    Duration canaryInterval();
}
