package org.takeitdown.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.NoSuchCase;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;
import org.takeitdown.portal.web.WrongCredentials;

class LimitsTest {
    private static final Counters COUNTERS = new Counters(new SimpleMeterRegistry());

    record Config(boolean enabled, int createPerWindow, Duration createWindow, int casesPerDay,
                  int addPerWindow, Duration addWindow, int itemsPerDay, int framesPerDay, int framesPerCase,
                  int storedNothingPerWindow, Duration storedNothingWindow, int lookupFailuresPerWindow, Duration lookupWindow, int platformPerSecond, int platformBurst,
                  Optional<List<String>> trustedProxies, int ipv6Prefix, int maxClients)
            implements LimitsConfig {
    }

    private static Config config(int createPerWindow, int casesPerDay, int lookupFailures) {
        return storage(createPerWindow, casesPerDay, lookupFailures, 100, 1000, 1000, 1000);
    }

    private static Config storage(int createPerWindow, int casesPerDay, int lookupFailures, int addPerWindow,
                                  int itemsPerDay, int framesPerDay, int maxClients) {
        return failing(createPerWindow, casesPerDay, lookupFailures, addPerWindow, itemsPerDay, framesPerDay, maxClients,
                1000);
    }

    private static Config failing(int createPerWindow, int casesPerDay, int lookupFailures, int addPerWindow,
                                  int itemsPerDay, int framesPerDay, int maxClients, int storedNothing) {
        return new Config(true, createPerWindow, Duration.ofMinutes(10), casesPerDay, addPerWindow,
                Duration.ofMinutes(10), itemsPerDay, framesPerDay, 1000, storedNothing, Duration.ofMinutes(10),
                lookupFailures, Duration.ofMinutes(10), 1, 3, Optional.empty(), 64, maxClients);
    }

    private static String created() {
        return "created";
    }

    /** Every answer is an earlier case's; none is found by looking one up. */
    private static final Retries<String> REPLAYS = new Retries<>(answer -> true, Optional::empty);

    /** Retries whose first try created "earlier case", counting the look-ups made for it in {@code lookups}. */
    private static Retries<String> earlierCase(AtomicInteger lookups) {
        return new Retries<>(answer -> answer.equals("earlier case"), () -> {
            lookups.incrementAndGet();
            return Optional.of("earlier case");
        });
    }

    @Test
    void refusesCreationsOverTheWindowBudgetWithRetryAfter() {
        Limits limits = new Limits(config(3, 100, 20), COUNTERS);
        for (int i = 0; i < 3; i++) {
            limits.creatingCase("192.0.2.1", 1, 0, LimitsTest::created);
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.1", 1, 0, LimitsTest::created))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 601L);
                    assertThat(e.getMessage()).contains("short time");
                });
        limits.creatingCase("192.0.2.2", 1, 0, LimitsTest::created);
    }

    @Test
    void refusesCreationsOverTheDailyCap() {
        Limits limits = new Limits(config(100, 2, 20), COUNTERS);
        limits.creatingCase("2001:db8::1", 1, 0, LimitsTest::created);
        limits.creatingCase("2001:db8::1", 1, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.creatingCase("2001:db8::1", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("one day");
    }

    @Test
    void blocksEveryLookupOnceFailuresReachTheBudgetEvenWithTheRightKey() {
        Limits limits = new Limits(config(10, 10, 3), COUNTERS);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limits.lookup("198.51.100.7", refusing(new NoSuchCase(true))))
                    .isInstanceOf(ApiProblemException.class);
        }
        assertThatThrownBy(() -> limits.lookup("198.51.100.7", () -> "right key"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(limits.lookup("198.51.100.8", () -> "right key")).isEqualTo("right key");
    }

    @Test
    void successfulLookupsAndOtherErrorsDoNotCountAsFailures() {
        Limits limits = new Limits(config(10, 10, 2), COUNTERS);
        for (int i = 0; i < 10; i++) {
            assertThat(limits.lookup("198.51.100.9", () -> "ok")).isEqualTo("ok");
            assertThatThrownBy(() -> limits.lookup("198.51.100.9", refusing(ApiProblemException.conflict("withdrawn"))))
                    .isInstanceOf(ApiProblemException.class);
        }
    }

    @Test
    void limitsEachPlatformKeyToItsBurstThenItsRate() {
        Limits limits = new Limits(config(10, 10, 10), COUNTERS);
        for (int i = 0; i < 3; i++) {
            limits.platformRequest(7);
        }
        assertThatThrownBy(() -> limits.platformRequest(7)).isInstanceOf(TooManyRequestsException.class);
        limits.platformRequest(8);
    }

    @Test
    void liftsEveryLimitWhenDisabled() {
        Limits limits = new Limits(new Config(false, 1, Duration.ofMinutes(10), 1, 1, Duration.ofMinutes(10), 1, 1, 1, 1,
                Duration.ofMinutes(10), 1, Duration.ofMinutes(10), 1, 1, Optional.empty(), 64, 1), COUNTERS);
        for (int i = 0; i < 5; i++) {
            limits.creatingCase("192.0.2.3", 5, 5, LimitsTest::created);
            limits.addingItems("192.0.2.3", 5, 5, LimitsTest::created);
            limits.platformRequest(1);
            assertThatThrownBy(() -> limits.lookup("192.0.2.3", refusing(new NoSuchCase(true))))
                    .isInstanceOf(ApiProblemException.class);
        }
    }

    @Test
    void refusesAdditionsOverTheWindowBudgetWithRetryAfter() {
        Limits limits = new Limits(storage(10, 10, 10, 2, 1000, 1000, 1000), COUNTERS);
        limits.addingItems("192.0.2.20", 1, 0, LimitsTest::created);
        limits.addingItems("192.0.2.20", 1, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.addingItems("192.0.2.20", 1, 0, LimitsTest::created))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 601L);
                    assertThat(e.getMessage()).contains("short time");
                });
        assertThat(limits.addingItems("192.0.2.21", 1, 0, LimitsTest::created)).isEqualTo("created");
    }

    @Test
    void countsItemsOfNewCasesAndAdditionsAgainstOneDailyBudget() {
        Limits limits = new Limits(storage(100, 100, 10, 100, 10, 1000, 1000), COUNTERS);
        limits.creatingCase("192.0.2.30", 6, 0, LimitsTest::created);
        limits.addingItems("192.0.2.30", 4, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.addingItems("192.0.2.30", 1, 0, LimitsTest::created))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.getMessage()).contains("most files allowed for one day (10)");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 86_401L);
                });
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.30", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class);
        limits.addingItems("192.0.2.31", 10, 0, LimitsTest::created);
    }

    @Test
    void countsFramesAgainstTheDailyFramesBudget() {
        Limits limits = new Limits(storage(100, 100, 10, 100, 1000, 5000, 1000), COUNTERS);
        limits.creatingCase("2001:db8::5", 1, 3000, LimitsTest::created);
        assertThatThrownBy(() -> limits.addingItems("2001:db8::5", 1, 2001, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("most video allowed for one day");
        limits.addingItems("2001:db8::5", 1, 2000, LimitsTest::created);
    }

    @Test
    void givesBackTheBudgetOfRequestsThatStoredNothing() {
        Limits limits = new Limits(storage(100, 100, 100, 100, 10, 1000, 1000), COUNTERS);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limits.addingItems("192.0.2.40", 10, 500, refusing(ApiProblemException.conflict("withdrawn"))))
                    .isInstanceOf(ApiProblemException.class);
            assertThatThrownBy(() -> limits.creatingCase("192.0.2.40", 10, 500, refusing(ApiProblemException.badRequest("bad body"))))
                    .isInstanceOf(ApiProblemException.class);
        }
        assertThat(limits.addingItems("192.0.2.40", 10, 1000, LimitsTest::created)).isEqualTo("created");
    }

    @Test
    void additionsWithWrongKeysCountAsFailedLookups() {
        Limits limits = new Limits(storage(100, 100, 2, 100, 1000, 1000, 1000), COUNTERS);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.addingItems("192.0.2.50", 1, 0, refusing(new NoSuchCase(true))))
                    .isInstanceOf(ApiProblemException.class);
        }
        assertThatThrownBy(() -> limits.addingItems("192.0.2.50", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("wrong case number or key");
    }

    @Test
    void wrongCaseKeysLeavePlatformKeysAndTheAdminPasswordFromTheSameAddressAlone() {
        Limits limits = new Limits(config(10, 10, 3), COUNTERS);
        String address = "198.51.100.60";
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limits.lookup(address, refusing(new NoSuchCase(true)))).isInstanceOf(NoSuchCase.class);
        }
        assertThatThrownBy(() -> limits.lookup(address, () -> "right case key"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("wrong case number or key");
        assertThat(limits.lookup(Lookup.PLATFORM_KEY, address, () -> "platform")).isEqualTo("platform");
        assertThat(limits.lookup(Lookup.ADMIN_PASSWORD, address, () -> "admin")).isEqualTo("admin");
    }

    @Test
    void wrongPlatformKeysAndWrongAdminPasswordsEachLockOnlyTheirOwnKind() {
        Limits limits = new Limits(config(10, 10, 2), COUNTERS);
        String address = "198.51.100.61";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.lookup(Lookup.PLATFORM_KEY, address, () -> {
                throw new WrongCredentials("wrong key");
            })).isInstanceOf(WrongCredentials.class);
        }
        assertThatThrownBy(() -> limits.lookup(Lookup.PLATFORM_KEY, address, () -> "right platform key"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("wrong API key");
        assertThat(limits.lookup(Lookup.ADMIN_PASSWORD, address, () -> "admin")).isEqualTo("admin");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.lookup(Lookup.ADMIN_PASSWORD, address, () -> {
                throw new WrongCredentials("wrong password");
            })).isInstanceOf(WrongCredentials.class);
        }
        assertThatThrownBy(() -> limits.lookup(Lookup.ADMIN_PASSWORD, address, () -> "right password"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("wrong password");
        assertThat(limits.lookup(address, () -> "case")).isEqualTo("case");
    }

    @Test
    void refusedCreationsGiveBackTheirNewCaseSlot() {
        Limits limits = new Limits(config(3, 100, 20), COUNTERS);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limits.creatingCase("192.0.2.70", 1, 0, refusing(ApiProblemException.badRequest("empty file"))))
                    .isInstanceOf(ApiProblemException.class);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limits.creatingCase("192.0.2.70", 1, 0, LimitsTest::created)).isEqualTo("created");
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.70", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("Too many new cases");
    }

    @Test
    void replaysOfAnEarlierCaseGiveBackTheirNewCaseSlotAndDailyCountsButUseTheBudgetOfRequestsThatStoredNothing() {
        // 3 new cases per window, 3 a day, 40 items a day, 5 requests that stored nothing per window.
        Limits limits = new Limits(failing(3, 3, 20, 100, 40, 1000, 1000, 5), COUNTERS);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.creatingCase("192.0.2.76", 10, 0, () -> "earlier case", REPLAYS))
                    .isEqualTo("earlier case");
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.76", 10, 0, () -> "earlier case", REPLAYS))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("stored nothing");

        Limits fresh = new Limits(failing(3, 3, 20, 100, 40, 1000, 1000, 100), COUNTERS);
        for (int i = 0; i < 20; i++) {
            fresh.creatingCase("192.0.2.77", 10, 0, () -> "earlier case", REPLAYS);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(fresh.creatingCase("192.0.2.77", 10, 0, LimitsTest::created)).isEqualTo("created");
        }
        assertThatThrownBy(() -> fresh.creatingCase("192.0.2.77", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aRetryOverEachLimitOnNewCasesStillGetsItsEarlierCase() {
        AtomicInteger lookups = new AtomicInteger();
        // 2 new cases per window: the third is over the rate.
        Limits rate = new Limits(failing(2, 100, 20, 100, 1000, 1000, 1000, 100), COUNTERS);
        rate.creatingCase("192.0.2.80", 1, 0, LimitsTest::created);
        rate.creatingCase("192.0.2.80", 1, 0, LimitsTest::created);
        assertThat(rate.creatingCase("192.0.2.80", 1, 0, LimitsTest::created, earlierCase(lookups)))
                .isEqualTo("earlier case");
        // 1 case a day, then over the daily cap; 5 items a day, then over the items.
        Limits daily = new Limits(failing(100, 1, 20, 100, 5, 1000, 1000, 100), COUNTERS);
        daily.creatingCase("192.0.2.81", 1, 0, LimitsTest::created);
        assertThat(daily.creatingCase("192.0.2.81", 1, 0, LimitsTest::created, earlierCase(lookups)))
                .isEqualTo("earlier case");
        Limits items = new Limits(failing(100, 100, 20, 100, 5, 1000, 1000, 100), COUNTERS);
        items.creatingCase("192.0.2.82", 5, 0, LimitsTest::created);
        assertThat(items.creatingCase("192.0.2.82", 1, 0, LimitsTest::created, earlierCase(lookups)))
                .isEqualTo("earlier case");
        // 5 frames a day, then over the frames.
        Limits frames = new Limits(failing(100, 100, 20, 100, 1000, 5, 1000, 100), COUNTERS);
        frames.creatingCase("192.0.2.86", 1, 5, LimitsTest::created);
        assertThat(frames.creatingCase("192.0.2.86", 1, 1, LimitsTest::created, earlierCase(lookups)))
                .isEqualTo("earlier case");
        assertThat(lookups).hasValue(4);
    }

    @Test
    void aRequestOverTheLimitOnNewCasesWithNoEarlierCaseIsRefusedAsBefore() {
        Limits limits = new Limits(failing(1, 100, 20, 100, 1000, 1000, 1000, 100), COUNTERS);
        limits.creatingCase("192.0.2.83", 1, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.83", 1, 0, LimitsTest::created, REPLAYS))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("Too many new cases");
    }

    @Test
    void lookingUpEarlierCasesOverTheLimitUsesTheBudgetOfRequestsThatStoredNothing() {
        AtomicInteger lookups = new AtomicInteger();
        // 1 new case per window; 4 requests that stored nothing per window.
        Limits limits = new Limits(failing(1, 100, 20, 100, 1000, 1000, 1000, 4), COUNTERS);
        limits.creatingCase("192.0.2.84", 1, 0, LimitsTest::created);
        for (int i = 0; i < 4; i++) {
            assertThat(limits.creatingCase("192.0.2.84", 1, 0, LimitsTest::created, earlierCase(lookups)))
                    .isEqualTo("earlier case");
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limits.creatingCase("192.0.2.84", 1, 0, LimitsTest::created, earlierCase(lookups)))
                    .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("Too many new cases");
        }
        assertThat(lookups).hasValue(4);
    }

    @Test
    void aRequestOverTheBudgetOfRequestsThatStoredNothingLooksUpNoEarlierCase() {
        AtomicInteger lookups = new AtomicInteger();
        Limits limits = new Limits(failing(100, 100, 20, 100, 1000, 1000, 1000, 2), COUNTERS);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.creatingCase("192.0.2.85", 1, 0, refusing(ApiProblemException.badRequest("bad body"))))
                    .isInstanceOf(ApiProblemException.class);
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.85", 1, 0, LimitsTest::created, earlierCase(lookups)))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("stored nothing");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void refusedAdditionsGiveBackTheirAdditionSlot() {
        Limits limits = new Limits(storage(10, 10, 20, 2, 1000, 1000, 1000), COUNTERS);
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> limits.addingItems("192.0.2.71", 1, 0, refusing(ApiProblemException.conflict("withdrawn"))))
                    .isInstanceOf(ApiProblemException.class);
        }
        limits.addingItems("192.0.2.71", 1, 0, LimitsTest::created);
        limits.addingItems("192.0.2.71", 1, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.addingItems("192.0.2.71", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("Too many additions");
    }

    @Test
    void requestsThatStoreNothingHaveABudgetOfTheirOwnThatRefusesEvenAValidRequest() {
        Limits limits = new Limits(failing(3, 100, 20, 100, 1000, 1000, 1000, 5), COUNTERS);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limits.creatingCase("192.0.2.72", 1, 0, refusing(ApiProblemException.badRequest("bad body"))))
                    .isInstanceOf(ApiProblemException.class);
            assertThatThrownBy(() -> limits.addingItems("192.0.2.72", 1, 0, refusing(ApiProblemException.badRequest("bad body"))))
                    .isInstanceOfAny(ApiProblemException.class, TooManyRequestsException.class);
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.72", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("stored nothing");
        assertThatThrownBy(() -> limits.addingItems("192.0.2.72", 1, 0, LimitsTest::created))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("stored nothing");
        assertThat(limits.creatingCase("192.0.2.73", 1, 0, LimitsTest::created)).isEqualTo("created");
    }

    @Test
    void concurrentWrongKeysGetExactlyTheBudgetOfWrongKeyAnswers() throws Exception {
        int threads = 100;
        Limits limits = new Limits(config(10, 10, 20), COUNTERS);
        CyclicBarrier allRunning = new CyclicBarrier(threads);
        Map<Class<?>, Integer> answers = race(threads, () -> limits.lookup("198.51.100.62", () -> {
            try {
                allRunning.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new NoSuchCase(true);
        }));
        assertThat(answers).containsEntry(NoSuchCase.class, 20).containsEntry(TooManyRequestsException.class, 80)
                .hasSize(2);
    }

    @Test
    void concurrentCreationsAdmitExactlyTheWindowBudgetAndTheDailyCap() throws Exception {
        for (int round = 0; round < 20; round++) {
            Limits window = new Limits(config(10, 1000, 20), COUNTERS);
            assertThat(race(64, () -> window.creatingCase("192.0.2.74", 1, 0, LimitsTest::created)))
                    .containsEntry(String.class, 10).containsEntry(TooManyRequestsException.class, 54);
            Limits daily = new Limits(config(1000, 7, 20), COUNTERS);
            assertThat(race(64, () -> daily.creatingCase("192.0.2.75", 1, 0, LimitsTest::created)))
                    .containsEntry(String.class, 7).containsEntry(TooManyRequestsException.class, 57);
        }
    }

    /** Runs {@code call} on {@code threads} threads released at once; how many ended with each result or exception class. */
    /** A store or look-up that refuses with {@code refusal}. */
    private static <T> Supplier<T> refusing(RuntimeException refusal) {
        return () -> {
            throw refusal;
        };
    }

    private static Map<Class<?>, Integer> race(int threads, Supplier<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Class<?>>> ends = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ends.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.get().getClass();
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                }));
            }
            start.countDown();
            Map<Class<?>, Integer> counts = new ConcurrentHashMap<>();
            for (Future<Class<?>> end : ends) {
                counts.merge(end.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullTableRefusesNewAddressesButKeepsCountingKnownOnes() {
        Limits limits = new Limits(storage(2, 100, 2, 100, 1000, 1000, 3), COUNTERS);
        for (int i = 0; i < 3; i++) {
            limits.creatingCase("198.51.100." + i, 1, 0, LimitsTest::created);
        }
        assertThatThrownBy(() -> limits.creatingCase("198.51.100.99", 1, 0, LimitsTest::created))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.getMessage()).contains("very busy"));
        limits.creatingCase("198.51.100.0", 1, 0, LimitsTest::created);
        assertThatThrownBy(() -> limits.creatingCase("198.51.100.0", 1, 0, LimitsTest::created))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.getMessage()).contains("short time"));
    }

    @Test
    void aFullTableOfFailedLookupsRefusesLookupsFromNewAddresses() {
        Limits limits = new Limits(storage(10, 10, 5, 100, 1000, 1000, 2), COUNTERS);
        for (String address : List.of("203.0.113.1", "203.0.113.2")) {
            assertThatThrownBy(() -> limits.lookup(address, refusing(new NoSuchCase(true))))
                    .isInstanceOf(ApiProblemException.class);
        }
        assertThatThrownBy(() -> limits.lookup("203.0.113.200", () -> "right key"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("very busy");
    }

    @Test
    void clientTableDropsOnlyIdleEntriesToMakeRoom() {
        ClientTable<SlidingWindow> table = new ClientTable<>(2);
        long second = 1_000_000_000L;
        long window = 10 * second;
        table.getOrCreate("a", () -> new SlidingWindow(1, window), 0).record(0);
        table.getOrCreate("b", () -> new SlidingWindow(1, window), 0).record(5 * second);
        assertThat(table.getOrCreate("c", () -> new SlidingWindow(1, window), second)).isNull();
        assertThat(table.admits("c", 2 * second)).isFalse();
        assertThat(table.getOrCreate("c", () -> new SlidingWindow(1, window), 12 * second)).isNotNull();
        assertThat(table.get("a")).isNull();
        assertThat(table.get("b")).isNotNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void slidingWindowThatGrowsItsRingStillCountsExactly() {
        SlidingWindow w = new SlidingWindow(5, 1000);
        for (int t = 0; t < 5; t++) {
            assertThat(w.tryRecord(t * 10)).isZero();
        }
        assertThat(w.tryRecord(100)).isEqualTo(900);
        assertThat(w.tryRecord(1000)).isZero();
        assertThat(w.tryRecord(1005)).isEqualTo(5);
        assertThat(w.tryRecord(1010)).isZero();
        assertThat(w.tryRecord(1010)).isEqualTo(10);
        assertThat(w.idle(2009)).isFalse();
        assertThat(w.idle(2010)).isTrue();
    }

    @Test
    void slidingWindowAllowsAgainOnceTheOldestEventLeavesTheWindow() {
        SlidingWindow w = new SlidingWindow(2, 1000);
        assertThat(w.tryRecord(0)).isZero();
        assertThat(w.tryRecord(10)).isZero();
        assertThat(w.tryRecord(500)).isEqualTo(500);
        assertThat(w.tryRecord(1000)).isZero();
        assertThat(w.tryRecord(1005)).isEqualTo(5);
    }

    @Test
    void anExportRunsOneAtATimePerKeyAndAFewInAllEvenWithTheLimitsOffAndEachEndFreesItOnce() {
        Config off = config(10, 10, 10);
        Limits limits = new Limits(new Config(false, off.createPerWindow(), off.createWindow(), off.casesPerDay(),
                off.addPerWindow(), off.addWindow(), off.itemsPerDay(), off.framesPerDay(), off.framesPerCase(),
                off.storedNothingPerWindow(), off.storedNothingWindow(), off.lookupFailuresPerWindow(),
                off.lookupWindow(), off.platformPerSecond(), off.platformBurst(), off.trustedProxies(),
                off.ipv6Prefix(), off.maxClients()), COUNTERS);
        Runnable first = limits.startExport(1);
        assertThatThrownBy(() -> limits.startExport(1)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("still running")
                .satisfies(e -> assertThat(((TooManyRequestsException) e).budget()).isEqualTo(Budget.EXPORTS));
        List<Runnable> others = new java.util.ArrayList<>();
        for (long platform = 2; platform <= Limits.MAX_EXPORTS; platform++) {
            others.add(limits.startExport(platform));
        }
        assertThatThrownBy(() -> limits.startExport(Limits.MAX_EXPORTS + 1)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("other platforms");
        first.run();
        first.run();
        Runnable again = limits.startExport(1);
        assertThatThrownBy(() -> limits.startExport(Limits.MAX_EXPORTS + 1))
                .as("a claim freed twice frees one place").isInstanceOf(TooManyRequestsException.class);
        again.run();
        others.forEach(Runnable::run);
        limits.startExport(Limits.MAX_EXPORTS + 1).run();
    }
}
