package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.takeitdown.portal.db.Jdbc;

/**
 * Numbers pending changes: writers commit changed items and canaries with {@code seq = NULL}, and this gives
 * them all new seq values in one transaction under the lock row every instance shares, so seq values become
 * visible in commit order and a reader that has served seq n never later finds a committed change below n.
 */
@ApplicationScoped
public class Sequencer {
    /** Runs of a transaction the database aborted as a deadlock: the first, and two more. */
    private static final int ATTEMPTS = 3;

    private final FeedStore store;

    public Sequencer(FeedStore store) {
        this.store = store;
    }

    /**
     * Sequences every change committed so far. On PostgreSQL a writer retiring items and the sequencer can lock
     * the same pending rows in different orders (the sequencer's follow their place on disk); the database then
     * aborts one of them as a deadlock, which changed nothing, and that one runs again (the writers do the same).
     */
    public void sequence() {
        Jdbc.retrying(ATTEMPTS, Jdbc::isRetryable, () -> {
            store.sequence();
            return null;
        });
    }
}
