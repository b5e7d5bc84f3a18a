package org.takeitdown.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;

class LimitsTest {
    private static final Counters COUNTERS = new Counters(new SimpleMeterRegistry());

    record Config(boolean enabled, int createPerWindow, Duration createWindow, int casesPerDay,
                  int lookupFailuresPerWindow, Duration lookupWindow, int platformPerSecond, int platformBurst)
            implements LimitsConfig {
    }

    private static Config config(int createPerWindow, int casesPerDay, int lookupFailures) {
        return new Config(true, createPerWindow, Duration.ofMinutes(10), casesPerDay, lookupFailures,
                Duration.ofMinutes(10), 1, 3);
    }

    @Test
    void refusesCreationsOverTheWindowBudgetWithRetryAfter() {
        Limits limits = new Limits(config(3, 100, 20), COUNTERS);
        for (int i = 0; i < 3; i++) {
            limits.creatingCase("192.0.2.1");
        }
        assertThatThrownBy(() -> limits.creatingCase("192.0.2.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 601L);
                    assertThat(e.getMessage()).contains("short time");
                });
        limits.creatingCase("192.0.2.2");
    }

    @Test
    void refusesCreationsOverTheDailyCap() {
        Limits limits = new Limits(config(100, 2, 20), COUNTERS);
        limits.creatingCase("2001:db8::1");
        limits.creatingCase("2001:db8::1");
        assertThatThrownBy(() -> limits.creatingCase("2001:db8::1"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("one day");
    }

    @Test
    void blocksEveryLookupOnceFailuresReachTheBudgetEvenWithTheRightKey() {
        Limits limits = new Limits(config(10, 10, 3), COUNTERS);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limits.lookup("198.51.100.7", () -> {
                throw ApiProblemException.notFound();
            })).isInstanceOf(ApiProblemException.class);
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
            assertThatThrownBy(() -> limits.lookup("198.51.100.9", () -> {
                throw ApiProblemException.conflict("withdrawn");
            })).isInstanceOf(ApiProblemException.class);
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
        Limits limits = new Limits(new Config(false, 1, Duration.ofMinutes(10), 1, 1, Duration.ofMinutes(10), 1, 1), COUNTERS);
        for (int i = 0; i < 5; i++) {
            limits.creatingCase("192.0.2.3");
            limits.platformRequest(1);
            assertThatThrownBy(() -> limits.lookup("192.0.2.3", () -> {
                throw ApiProblemException.notFound();
            })).isInstanceOf(ApiProblemException.class);
        }
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
}
