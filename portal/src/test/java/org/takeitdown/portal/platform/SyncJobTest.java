package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.LogRecords;

/** A clean stop is quiet: a sync the shutdown breaks is not a WARN; a real failure still is. */
class SyncJobTest {
    private static final String LOGGER = SyncJob.class.getName();
    private LogRecords log;

    @BeforeEach
    void listen() {
        log = LogRecords.listen();
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    private List<String> warnings() {
        return log.messages(LOGGER, Level.WARNING);
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
        assertThat(log.messages(LOGGER, Level.INFO)).isNotEmpty();
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
