package org.takeitdown.portal.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;
import org.takeitdown.portal.web.UnauthorizedException;

/**
 * In-memory limits for this instance. A client is known only by an HMAC of its address under a
 * random salt that is replaced every UTC day and never written anywhere; replacing it also drops
 * every per-address count, so nothing links one day's clients to the next.
 */
@ApplicationScoped
public class Limits {
    /** Above this many tracked clients, idle entries are dropped. */
    private static final int PRUNE_ABOVE = 100_000;

    private final LimitsConfig config;
    private final Counters counters;
    private final SecureRandom random = new SecureRandom();
    private volatile Day day;

    private record Day(LocalDate date, Mac mac, Map<String, SlidingWindow> creates,
                       Map<String, AtomicInteger> daily, Map<String, SlidingWindow> lookupFailures) {
    }

    private final Map<Long, TokenBucket> platforms = new ConcurrentHashMap<>();

    public Limits(LimitsConfig config, Counters counters) {
        this.config = config;
        this.counters = counters;
    }

    private TooManyRequestsException refuse(String budget, String detail, long retryAfterSeconds) {
        counters.limited(budget);
        return new TooManyRequestsException(detail, retryAfterSeconds);
    }

    private Day today() {
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        Day d = day;
        if (d != null && d.date.equals(date)) {
            return d;
        }
        synchronized (this) {
            if (day == null || !day.date.equals(date)) {
                byte[] salt = new byte[32];
                random.nextBytes(salt);
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(salt, "HmacSHA256"));
                    day = new Day(date, mac, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                            new ConcurrentHashMap<>());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return day;
        }
    }

    private static String clientKey(Day d, String address) {
        byte[] out;
        try {
            Mac mac = (Mac) d.mac.clone();
            out = mac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(out, 0, 16);
    }

    /** Counts a case creation from {@code address}; 429 over the rate or the daily cap. */
    public void creatingCase(String address) {
        if (!config.enabled()) {
            return;
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        AtomicInteger count = d.daily.computeIfAbsent(client, k -> new AtomicInteger());
        if (count.get() >= config.casesPerDay()) {
            long untilMidnight = java.time.Duration.between(java.time.LocalDateTime.now(ZoneOffset.UTC),
                    d.date.plusDays(1).atStartOfDay()).toSeconds();
            throw refuse("cases-per-day", "This address has started the most cases allowed for one day ("
                    + config.casesPerDay() + "). Please try again tomorrow.", untilMidnight + 1);
        }
        SlidingWindow w = d.creates.computeIfAbsent(client,
                k -> new SlidingWindow(config.createPerWindow(), config.createWindow().toNanos()));
        long wait = w.tryRecord(now);
        if (wait > 0) {
            throw refuse("create", "Too many new cases in a short time. Please wait a little and try again.",
                    TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
        }
        count.incrementAndGet();
        prune(d, now);
    }

    /**
     * Runs a look-up by case number and key (or a sign-in with a password or API key). While {@code address} is over its budget of failed
     * look-ups every look-up is refused, a right key included, so keys can't be guessed.
     */
    public <T> T lookup(String address, Supplier<T> action) {
        if (!config.enabled()) {
            return action.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        SlidingWindow failures = d.lookupFailures.get(client);
        if (failures != null) {
            long wait = failures.waitNanos(now);
            if (wait > 0) {
                throw refuse("lookup-failures", "Too many case look-ups with a wrong number or key. "
                        + "Please wait a few minutes and try again.", TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
            }
        }
        try {
            return action.get();
        } catch (ApiProblemException e) {
            if (e.status() == 404) {
                failed(d, client, now);
            }
            throw e;
        } catch (UnauthorizedException e) {
            failed(d, client, now);
            throw e;
        }
    }

    private void failed(Day d, String client, long now) {
        d.lookupFailures.computeIfAbsent(client,
                k -> new SlidingWindow(config.lookupFailuresPerWindow(), config.lookupWindow().toNanos())).record(now);
        prune(d, now);
    }

    /** Counts a request by platform {@code platformId}; 429 over its rate. */
    public void platformRequest(long platformId) {
        if (!config.enabled()) {
            return;
        }
        long now = System.nanoTime();
        long wait = platforms.computeIfAbsent(platformId,
                k -> new TokenBucket(config.platformBurst(), config.platformPerSecond(), now)).tryTake(now);
        if (wait > 0) {
            throw refuse("platform", "Too many requests for this API key; slow down.",
                    TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
        }
    }

    private void prune(Day d, long now) {
        if (d.creates.size() + d.lookupFailures.size() > PRUNE_ABOVE) {
            d.creates.values().removeIf(w -> w.idle(now));
            d.lookupFailures.values().removeIf(w -> w.idle(now));
        }
    }
}
