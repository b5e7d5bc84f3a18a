package org.takeitdown.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JdbcRetryingTest {
    private static RuntimeException deadlock() {
        return new PersistenceException(new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void workTheDatabaseAbortedRunsAgainUntilItSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        String result = Jdbc.retrying(3, Jdbc::isRetryable, () -> {
            if (runs.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
    }

    @Test
    void theLastFailureIsThrownAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Jdbc.retrying(3, Jdbc::isRetryable, () -> {
            runs.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(PersistenceException.class);
        assertThat(runs).hasValue(3);
    }

    @Test
    void otherFailuresAreThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Jdbc.retrying(5, Jdbc::isRetryable, () -> {
            runs.incrementAndGet();
            throw new PersistenceException(new SQLException("duplicate key", "23505"));
        })).isInstanceOf(PersistenceException.class);
        assertThat(runs).hasValue(1);
    }
}
