package org.takeitdown.portal.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.takeitdown.portal.cases.ItemsChanged;

/**
 * Keeps the platforms' view current: every {@link PlatformConfig#syncInterval()}, and soon after a commit
 * changed items, the {@link Sequencer} numbers pending changes and {@link MatchIndexes} catch up.
 */
@ApplicationScoped
public class SyncJob {
    private static final Logger LOG = Logger.getLogger(SyncJob.class);
    private static final long KICK_DELAY_MS = 50;

    private final Sequencer sequencer;
    private final MatchIndexes indexes;
    private final Executor kickLater;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final AtomicBoolean kickRunning = new AtomicBoolean();
    private final AtomicBoolean kickAgain = new AtomicBoolean();

    /** Set when the application starts to stop: the database may close under a run from then on. */
    private volatile boolean stopping;

    @Inject
    public SyncJob(Sequencer sequencer, MatchIndexes indexes, ManagedExecutor workers) {
        this(sequencer, indexes, (Executor) workers);
    }

    SyncJob(Sequencer sequencer, MatchIndexes indexes, Executor workers) {
        this.sequencer = sequencer;
        this.indexes = indexes;
        this.kickLater = CompletableFuture.delayedExecutor(KICK_DELAY_MS, TimeUnit.MILLISECONDS, workers);
    }

    /**
     * Runs the sync; a failure is logged at WARN and the next run tries again. Once the application is
     * stopping no run starts, and a run that fails then (typically because the datasource was closed under
     * it, e.g. a kick from a request answered just before a SIGTERM) is logged at INFO: nothing is lost, the
     * committed changes wait for the next run of any instance.
     */
    @Scheduled(identity = "item-sync", every = "${portal.platform.sync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        try {
            runNow();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("Item sync stopped by the shutdown (%s); the next start catches up",
                        e.getClass().getSimpleName());
            } else {
                LOG.warnf("Item sync failed and will be retried: %s", e.getClass().getSimpleName());
            }
        }
    }

    /** The application is stopping (Ctrl-C, SIGTERM): see {@link #tick()}. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * A commit changed items: sequence them soon, off the request thread. Kicks within {@link #KICK_DELAY_MS}
     * share one run (the flag is cleared when the run starts), so a busy instance sequences in batches. The
     * run waits on the JDK's shared delay thread and runs on the application's {@link ManagedExecutor}; once
     * that is shut down the run is dropped, and the committed change waits for the next run of any instance.
     */
    void onChange(@Observes ItemsChanged changed) {
        if (kicked.compareAndSet(false, true)) {
            kickLater.execute(this::kick);
        }
    }

    /**
     * One kicked run at a time, on one worker thread: a kick arriving while a run is going asks that run to go
     * once more and returns, instead of holding a worker thread (shared with requests) blocked on the lock.
     */
    private void kick() {
        kicked.set(false);
        kickAgain.set(true);
        while (kickAgain.get() && kickRunning.compareAndSet(false, true)) {
            try {
                kickAgain.set(false);
                tick();
            } finally {
                kickRunning.set(false);
            }
        }
    }

    /** Sequences pending changes and catches this instance's match indexes up, now. */
    public synchronized void runNow() {
        sequencer.sequence();
        indexes.catchUp();
    }
}
