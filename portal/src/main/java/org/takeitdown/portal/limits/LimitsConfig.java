package org.takeitdown.portal.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Abuse limits: per client address (salted, never stored), per platform key and per case. */
@ConfigMapping(prefix = "portal.limits")
public interface LimitsConfig {
    /** {@code false} lifts every per-address and per-key limit (load tests only); the per-case frame cap stays. */
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

    /** Add-items requests allowed from one address within {@link #addWindow()}. */
    @WithDefault("60")
    int addPerWindow();

    @WithDefault("PT10M")
    Duration addWindow();

    /** Items one address may send in one (UTC) day, in new cases and added items together. */
    @WithDefault("2000")
    int itemsPerDay();

    /** vPDQ frames one address may send in one (UTC) day: 36,000 is ten hours of video at one frame a second. */
    @WithDefault("36000")
    int framesPerDay();

    /** vPDQ frames one case may hold, counted in the database: ten hours of video. */
    @WithDefault("36000")
    int framesPerCase();

    /**
     * Requests to create a case or add items that stored nothing (refused as invalid, wrong key, withdrawn
     * case, server error), and retries answered with an earlier case (same Idempotency-Key), allowed from
     * one address within {@link #storedNothingWindow()}. Such a request gives back its new-case or addition
     * slot, so a page that hit a validation error or lost an answer can try again at once; this separate,
     * more generous budget still bounds how much work such requests can cause.
     */
    @WithDefault("30")
    int storedNothingPerWindow();

    @WithDefault("PT10M")
    Duration storedNothingWindow();

    /**
     * Failed look-ups allowed from one address within {@link #lookupWindow()}, for each kind apart
     * ({@link Lookup}): wrong case numbers or keys, wrong platform API keys, wrong admin passwords.
     */
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

    /**
     * Reverse proxies (addresses or CIDR blocks) whose X-Forwarded-For entries are believed; empty: the
     * socket's address is the client's and X-Forwarded-For is ignored.
     */
    Optional<List<String>> trustedProxies();

    /** IPv6 clients are known by this many leading bits (a /64 is what one home or phone usually gets). */
    @WithDefault("64")
    int ipv6Prefix();

    /** Addresses each per-address table holds; when one is full, new addresses are refused (see README). */
    @WithDefault("100000")
    int maxClients();
}
