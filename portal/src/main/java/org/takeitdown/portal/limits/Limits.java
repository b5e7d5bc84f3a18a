package org.takeitdown.portal.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** The limits on new cases, which a retry of a case already created is not stopped by ({@link #earlierOr}). */
    /**
     * Exports streaming at once in all. Each reads every active item and holds one database connection while it
     * streams (the pool has 20 by default), so however many keys ask at once, the rest of the pool stays free for
     * the teens' cases and the other platforms' requests.
     */
    public static final int MAX_EXPORTS = 4;
    /** Retry-After of a refused export: about what a large export takes. */
    private static final long EXPORT_RETRY_SECONDS = 60;
    private static final Set<Budget> NEW_CASE_BUDGETS = EnumSet.of(Budget.CASES_PER_DAY, Budget.CREATE,
            Budget.ITEMS_PER_DAY, Budget.FRAMES_PER_DAY);

    private final LimitsConfig config;
    private final Counters counters;
    private final Set<Long> exporting = ConcurrentHashMap.newKeySet();
    private final Semaphore exports = new Semaphore(MAX_EXPORTS);
    private final SecureRandom random = new SecureRandom();
    private volatile Day day;

    private record Day(LocalDate date, Mac mac, ClientTable<SlidingWindow> creates, ClientTable<SlidingWindow> adds,
                       ClientTable<SlidingWindow> storedNothing, ClientTable<DailyCounts> daily,
                       Map<Lookup, ClientTable<SlidingWindow>> lookupFailures) {
    }

    private final Map<Long, TokenBucket> platforms = new ConcurrentHashMap<>();

    public Limits(LimitsConfig config, Counters counters) {
        this.config = config;
        this.counters = counters;
    }

    private TooManyRequestsException refuse(Budget budget, String detail, long retryAfterSeconds) {
        counters.limited(budget.tag());
        return new TooManyRequestsException(budget, detail, retryAfterSeconds);
    }

    /** A full table: new addresses wait until entries go idle ({@code window}) or the day ends. */
    private TooManyRequestsException full(long retryAfterSeconds) {
        return refuse(Budget.CLIENTS_FULL, "The portal is very busy right now. Please try again later.", retryAfterSeconds);
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
                    Map<Lookup, ClientTable<SlidingWindow>> failures = new EnumMap<>(Lookup.class);
                    for (Lookup kind : Lookup.values()) {
                        failures.put(kind, new ClientTable<>(max));
                    }
                    day = new Day(date, mac, new ClientTable<>(max), new ClientTable<>(max), new ClientTable<>(max),
                            new ClientTable<>(max), failures);
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

    /** {@link #creatingCase(String, int, int, Supplier, Retries)} for a {@code create} that never replays. */
    public <T> T creatingCase(String address, int items, int frames, Supplier<T> create) {
        return creatingCase(address, items, frames, create, Retries.none());
    }

    /**
     * Creates a case of {@code items} items and {@code frames} vPDQ frames from {@code address}: 429 over
     * the rate of new cases, the daily cap of cases, the daily items or frames budget, or the budget of
     * requests that stored nothing. A request that {@code create} refuses gives back its new-case slot,
     * its case and its items and frames, and counts against the budget of requests that stored nothing.
     * So does an answer {@link Retries#replayed} says is an earlier case's (a retry with the same
     * Idempotency-Key): it created nothing, so a teen retrying over a bad connection never uses up the new
     * cases allowed, yet replays stay bounded (they read the database) by the budget of requests that
     * stored nothing. A retry that a limit on new cases refuses still gets its {@link Retries#earlier} case
     * ({@link #earlierOr}).
     */
    public <T> T creatingCase(String address, int items, int frames, Supplier<T> create, Retries<T> retries) {
        if (!config.enabled()) {
            return create.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        DailyCounts daily = dailyCounts(d, client, now);
        if (!daily.tryAddCase(config.casesPerDay())) {
            return earlierOr(d, client, retries, refuse(Budget.CASES_PER_DAY, "This address has started the most cases "
                    + "allowed for one day (" + config.casesPerDay() + "). Please try again tomorrow.",
                    secondsUntilTomorrow(d)));
        }
        Slots slots = new Slots();
        try {
            slots.rate = reserve(d.creates, client, now, config.createPerWindow(), config.createWindow(), Budget.CREATE,
                    "Too many new cases from this address in a short time. Please wait a little and try again.");
            slots.nothing = storedNothing(d, client, now);
            store(d, daily, items, frames);
        } catch (RuntimeException e) {
            slots.release();
            daily.removeCase();
            if (e instanceof TooManyRequestsException refusal && NEW_CASE_BUDGETS.contains(refusal.budget())) {
                return earlierOr(d, client, retries, refusal);
            }
            throw e;
        }
        T created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            slots.settle(false);
            daily.removeCase();
            daily.refund(items, frames);
            throw e;
        }
        boolean stored = !retries.replayed().test(created);
        slots.settle(stored);
        if (!stored) {
            daily.removeCase();
            daily.refund(items, frames);
        }
        return created;
    }

    /**
     * The earlier case of a retry that {@code refusal}, a limit on new cases, stops from creating one: the
     * first try may have created it with the answer lost on the way (a teen on a bad connection), and the
     * retry must not be told to wait for a case it already has. Looking it up reads the database, so it
     * takes a slot in the budget of requests that stored nothing; over that budget, or with no earlier case,
     * the refusal stands. The limit's refusal is counted either way: it did refuse a new case.
     */
    private <T> T earlierOr(Day d, String client, Retries<T> retries, TooManyRequestsException refusal) {
        SlidingWindow nothing;
        try {
            nothing = storedNothing(d, client, System.nanoTime());
        } catch (TooManyRequestsException overBudget) {
            throw refusal;
        }
        try {
            return retries.earlier().get().orElseThrow(() -> refusal);
        } finally {
            nothing.settle(true, System.nanoTime());
        }
    }

    /**
     * Adds {@code items} items and {@code frames} vPDQ frames to a case from {@code address}, as a
     * look-up by case number and key: 429 over the rate of add requests, the daily items or frames
     * budget, the budget of requests that stored nothing, or while the address is over its failed case
     * look-ups. A request that {@code add} refuses gives back its addition slot and its items and frames,
     * and counts against the budget of requests that stored nothing.
     */
    public <T> T addingItems(String address, int items, int frames, Supplier<T> add) {
        if (!config.enabled()) {
            return add.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        long now = System.nanoTime();
        refuseWhileFailing(d, Lookup.CASE_KEY, client, now);
        Slots slots = new Slots();
        DailyCounts daily;
        try {
            slots.rate = reserve(d.adds, client, now, config.addPerWindow(), config.addWindow(), Budget.ADD,
                    "Too many additions to cases from this address in a short time. Please wait a little and try again.");
            slots.nothing = storedNothing(d, client, now);
            daily = dailyCounts(d, client, now);
            store(d, daily, items, frames);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            T added = add.get();
            slots.settle(true);
            return added;
        } catch (RuntimeException e) {
            slots.settle(false);
            daily.refund(items, frames);
            throw failed(d, Lookup.CASE_KEY, client, e);
        }
    }

    /**
     * The slots one request to store holds while it runs: its rate slot, kept when it stores, and its slot
     * in the budget of requests that stored nothing, kept when it fails.
     */
    private static final class Slots {
        private SlidingWindow rate;
        private SlidingWindow nothing;

        /** Settles the slots of a request that ran and {@code stored}, or not. */
        void settle(boolean stored) {
            long now = System.nanoTime();
            if (rate != null) {
                rate.settle(stored, now);
            }
            if (nothing != null) {
                nothing.settle(!stored, now);
            }
        }

        /** Frees the slots of a request refused before it ran (over another limit): it counts nowhere. */
        void release() {
            long now = System.nanoTime();
            if (rate != null) {
                rate.settle(false, now);
            }
            if (nothing != null) {
                nothing.settle(false, now);
            }
        }
    }

    /*
     * Why failed requests give back their new-case or addition slot but take one in a budget of their
     * own: a page that got a validation error (an empty file's MD5, a bad Idempotency-Key) must not lock a
     * teen out of starting the case for ten minutes, yet a refused request still did work (parsing, HMACs,
     * often a database read), so failures can't be free or anyone could make unlimited such requests. The
     * budget of requests that stored nothing is larger than the rate of new cases and counts every
     * failure, database work or not: simpler to reason about than sorting failures by the work they did.
     */
    private SlidingWindow storedNothing(Day d, String client, long now) {
        return reserve(d.storedNothing, client, now, config.storedNothingPerWindow(), config.storedNothingWindow(),
                Budget.STORED_NOTHING, "Too many requests from this address that stored nothing (refused, invalid or repeated) "
                        + "in a short time. Please check what is being sent, wait a little and try again.");
    }

    /** A slot taken in the client's window of {@code table}; 429 with {@code detail} when it has none free. */
    private SlidingWindow reserve(ClientTable<SlidingWindow> table, String client, long now, int limit,
                                  Duration window, Budget budget, String detail) {
        SlidingWindow w = table.getOrCreate(client, () -> new SlidingWindow(limit, window.toNanos()), now);
        if (w == null) {
            throw full(window.toSeconds());
        }
        long wait = w.tryReserve(now);
        if (wait > 0) {
            throw refuse(budget, detail, seconds(wait));
        }
        return w;
    }

    private DailyCounts dailyCounts(Day d, String client, long now) {
        DailyCounts daily = d.daily.getOrCreate(client, DailyCounts::new, now);
        if (daily == null) {
            throw full(secondsUntilTomorrow(d));
        }
        return daily;
    }

    private void store(Day d, DailyCounts daily, int items, int frames) {
        Budget over = daily.tryStore(items, frames, config.itemsPerDay(), config.framesPerDay());
        if (over == Budget.ITEMS_PER_DAY) {
            throw refuse(Budget.ITEMS_PER_DAY, "This address has sent the most files allowed for one day ("
                    + config.itemsPerDay() + "). Please try again tomorrow.", secondsUntilTomorrow(d));
        }
        if (over == Budget.FRAMES_PER_DAY) {
            throw refuse(Budget.FRAMES_PER_DAY, "This address has sent the most video allowed for one day ("
                    + config.framesPerDay() + " seconds). Please try again tomorrow.", secondsUntilTomorrow(d));
        }
    }

    /** A look-up by case number and key: {@link #lookup(Lookup, String, Supplier)} of {@link Lookup#CASE_KEY}. */
    public <T> T lookup(String address, Supplier<T> action) {
        return lookup(Lookup.CASE_KEY, address, action);
    }

    /**
     * Runs a look-up of {@code kind} (by case number and key, or a sign-in with an API key or the admin
     * password); an {@code action} that fails with a {@link FailedLookup} that {@link FailedLookup#counts counts}
     * against the address's failures of that kind. While the address is over them, every look-up of that kind is
     * refused, a right key included, so keys can't be guessed; look-ups of other kinds go on.
     */
    public <T> T lookup(Lookup kind, String address, Supplier<T> action) {
        if (!config.enabled()) {
            return action.get();
        }
        Day d = today();
        String client = clientKey(d, address);
        refuseWhileFailing(d, kind, client, System.nanoTime());
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw failed(d, kind, client, e);
        }
    }

    /** 429 while the client is over its failures of {@code kind}, or new while their table is full (its failures could not be counted). */
    private void refuseWhileFailing(Day d, Lookup kind, String client, long now) {
        ClientTable<SlidingWindow> table = d.lookupFailures.get(kind);
        SlidingWindow failures = table.get(client);
        if (failures == null) {
            if (!table.admits(client, now)) {
                throw full(config.lookupWindow().toSeconds());
            }
            return;
        }
        long wait = failures.waitNanos(now);
        if (wait > 0) {
            throw refuse(kind.budget, kind.overBudget, seconds(wait));
        }
    }

    /**
     * What to throw for {@code e}, which ended a look-up of {@code kind}: a {@link FailedLookup} is counted,
     * counting and checking in one step, and is answered only while within the budget — look-ups that were
     * already running when others used it up get the 429 instead, so however many run at once, no more
     * than the budget of wrong keys is ever answered as such. Anything else is {@code e} itself.
     */
    private RuntimeException failed(Day d, Lookup kind, String client, RuntimeException e) {
        if (!(e instanceof FailedLookup lookup) || !lookup.counts()) {
            return e;
        }
        long now = System.nanoTime();
        SlidingWindow w = d.lookupFailures.get(kind).getOrCreate(client,
                () -> new SlidingWindow(config.lookupFailuresPerWindow(), config.lookupWindow().toNanos()), now);
        if (w == null) {
            return full(config.lookupWindow().toSeconds());
        }
        long wait = w.tryRecord(now);
        return wait > 0 ? refuse(kind.budget, kind.overBudget, seconds(wait)) : e;
    }

    /**
     * Claims an export for platform {@code platformId}: one at a time per platform, {@link #MAX_EXPORTS} in all,
     * whether the other limits are on or not (like the frame cap, this bounds the server's work, not a client's
     * budget); 429 while it has one running or all are taken. The answer frees the claim; running it again does
     * nothing, so both the end of the stream and the close of its connection may run it.
     */
    public Runnable startExport(long platformId) {
        if (!exporting.add(platformId)) {
            throw refuse(Budget.EXPORTS, "An export for this API key is still running. Wait for it to end, or close "
                    + "it, and try again.", EXPORT_RETRY_SECONDS);
        }
        if (!exports.tryAcquire()) {
            exporting.remove(platformId);
            throw refuse(Budget.EXPORTS, "The portal is exporting for other platforms right now. Please try again in "
                    + "a minute.", EXPORT_RETRY_SECONDS);
        }
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                exporting.remove(platformId);
                exports.release();
            }
        };
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
            throw refuse(Budget.PLATFORM, "Too many requests for this API key; slow down.", seconds(wait));
        }
    }
}
