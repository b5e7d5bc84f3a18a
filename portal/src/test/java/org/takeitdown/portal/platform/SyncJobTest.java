package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clean stop is quiet: a sync the shutdown breaks is not a WARN; a real failure still is. */
class SyncJobTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(SyncJob.class.getName());

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    private List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage).toList();
    }

    /** A sequencer whose run fails like one whose datasource was closed, after {@code during} ran. */
    private static Sequencer failing(AtomicInteger runs, Runnable during) {
        return new Sequencer(null) {
            @Override
            public void sequence() {
                runs.incrementAndGet();
                during.run();
                throw new PersistenceException("the datasource is closed");
            }
        };
    }

    @Test
    void aSyncThatFailsBecauseTheApplicationIsStoppingIsNotAWarning() {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<SyncJob> job = new AtomicReference<>();
        job.set(new SyncJob(failing(runs, () -> job.get().onStop(new ShutdownEvent())), new MatchIndexes(null),
                Runnable::run));
        job.get().tick();
        assertThat(runs).hasValue(1);
        assertThat(warnings()).isEmpty();
        assertThat(records).extracting(LogRecord::getLevel).contains(Level.INFO);
    }

    @Test
    void noSyncStartsOnceTheApplicationIsStopping() {
        AtomicInteger runs = new AtomicInteger();
        SyncJob job = new SyncJob(failing(runs, () -> { }), new MatchIndexes(null), Runnable::run);
        job.onStop(new ShutdownEvent());
        job.tick();
        assertThat(runs).hasValue(0);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aSyncThatFailsWhileTheApplicationRunsIsStillAWarning() {
        AtomicInteger runs = new AtomicInteger();
        SyncJob job = new SyncJob(failing(runs, () -> { }), new MatchIndexes(null), Runnable::run);
        job.tick();
        assertThat(runs).hasValue(1);
        assertThat(warnings()).hasSize(1).first().asString().contains("Item sync failed");
    }
}
