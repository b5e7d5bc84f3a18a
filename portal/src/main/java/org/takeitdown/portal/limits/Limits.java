package org.takeitdown.portal.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.takeitdown.portal.web.Counters;
import org.takeitdown.portal.web.FailedLookup;

/**
 * In-memory limits for this instance. A client is known only by an HMAC of its address under a
 * random salt that is replaced every UTC day and never written anywhere; replacing it also drops
 * every per-address count, so nothing links one day's clients to the next. Each per-address table
 * holds at most {@code max-clients} addresses; a full table refuses new addresses ({@link ClientTable}).
 */
@ApplicationScoped
public class Limits {
    private final LimitsConfig config;
    private final Counters counters;
    private final SecureRandom random = new SecureRandom();
    private volatile Day day;

    private record Day(LocalDate date, Mac mac, ClientTable<SlidingWindow> creates, ClientTable<SlidingWindow> adds,
                       ClientTable<DailyCounts> daily, ClientTable<SlidingWindow> lookupFailures) {
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

    /** A full table: new addresses wait until entries go idle ({@code window}) or the day ends. */
    private TooManyRequestsException full(long retryAfterSeconds) {
        return refuse("clients-full", "The portal is very busy right now. Please try again later.", retryAfterSeconds);
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
                    int max = config.maxClients();
                    day = new Day(date, mac, new ClientTable<>(max), new ClientTable<>(max), new ClientTable<>(max),
                            new ClientTable<>(max));
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

    private static long secondsUntilTomorrow(Day d) {
        return Duration.between(LocalDateTime.now(ZoneOffset.UTC), d.date.plusDays(1).atStartOfDay()).toSeconds() + 1;
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos) + 1;
    }

    /**
     * Creates a case of {@code items} items and {@code frames} vPDQ frames from {@code address}: 429 over
     * the rate of new cases, the daily cap of cases, or the daily items or frames budget. What
     * {@code create} fails to store is given back.
     */
    public <T> T creatingCase(String address, int items, int frames, Supplier<T> create) {
        if (!config.enabled()) {
            return create.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        DailyCounts daily = dailyCounts(d, client, now);
        if (!daily.casesBelow(config.casesPerDay())) {
            throw refuse("cases-per-day", "This address has started the most cases allowed for one day ("
                    + config.casesPerDay() + "). Please try again tomorrow.", secondsUntilTomorrow(d));
        }
        SlidingWindow w = d.creates.getOrCreate(client,
                () -> new SlidingWindow(config.createPerWindow(), config.createWindow().toNanos()), now);
        if (w == null) {
            throw full(config.createWindow().toSeconds());
        }
        long wait = w.waitNanos(now);
        if (wait > 0) {
            throw refuse("create", "Too many new cases in a short time. Please wait a little and try again.", seconds(wait));
        }
        store(d, daily, items, frames);
        w.record(now);
        daily.addCase();
        try {
            return create.get();
        } catch (RuntimeException e) {
            daily.removeCase();
            daily.refund(items, frames);
            throw e;
        }
    }

    /**
     * Adds {@code items} items and {@code frames} vPDQ frames to a case from {@code address}, as a
     * look-up by case number and key: 429 over the rate of add requests or the daily items or frames
     * budget, or while the address is over its failed look-ups. What {@code add} fails to store is given back.
     */
    public <T> T addingItems(String address, int items, int frames, Supplier<T> add) {
        if (!config.enabled()) {
            return add.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        refuseWhileFailing(d, client, now);
        SlidingWindow w = d.adds.getOrCreate(client,
                () -> new SlidingWindow(config.addPerWindow(), config.addWindow().toNanos()), now);
        if (w == null) {
            throw full(config.addWindow().toSeconds());
        }
        long wait = w.waitNanos(now);
        if (wait > 0) {
            throw refuse("add", "Too many additions in a short time. Please wait a little and try again.", seconds(wait));
        }
        DailyCounts daily = dailyCounts(d, client, now);
        store(d, daily, items, frames);
        w.record(now);
        try {
            return lookup(address, add);
        } catch (RuntimeException e) {
            daily.refund(items, frames);
            throw e;
        }
    }

    private DailyCounts dailyCounts(Day d, String client, long now) {
        DailyCounts daily = d.daily.getOrCreate(client, DailyCounts::new, now);
        if (daily == null) {
            throw full(secondsUntilTomorrow(d));
        }
        return daily;
    }

    private void store(Day d, DailyCounts daily, int items, int frames) {
        String over = daily.tryStore(items, frames, config.itemsPerDay(), config.framesPerDay());
        if ("items".equals(over)) {
            throw refuse("items-per-day", "This address has sent the most files allowed for one day ("
                    + config.itemsPerDay() + "). Please try again tomorrow.", secondsUntilTomorrow(d));
        }
        if ("frames".equals(over)) {
            throw refuse("frames-per-day", "This address has sent the most video allowed for one day ("
                    + config.framesPerDay() + " seconds). Please try again tomorrow.", secondsUntilTomorrow(d));
        }
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
        refuseWhileFailing(d, client, now);
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (e instanceof FailedLookup) {
                failed(d, client, now);
            }
            throw e;
        }
    }

    /** 429 while the client is over its failed look-ups, or new while the table of failures is full (its failures could not be counted). */
    private void refuseWhileFailing(Day d, String client, long now) {
        SlidingWindow failures = d.lookupFailures.get(client);
        if (failures == null) {
            if (!d.lookupFailures.admits(client, now)) {
                throw full(config.lookupWindow().toSeconds());
            }
            return;
        }
        long wait = failures.waitNanos(now);
        if (wait > 0) {
            throw refuse("lookup-failures", "Too many case look-ups with a wrong number or key. "
                    + "Please wait a few minutes and try again.", seconds(wait));
        }
    }

    private void failed(Day d, String client, long now) {
        SlidingWindow w = d.lookupFailures.getOrCreate(client,
                () -> new SlidingWindow(config.lookupFailuresPerWindow(), config.lookupWindow().toNanos()), now);
        if (w != null) {
            w.record(now);
        }
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
            throw refuse("platform", "Too many requests for this API key; slow down.", seconds(wait));
        }
    }
}
