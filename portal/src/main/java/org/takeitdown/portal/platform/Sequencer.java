package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Numbers pending changes: writers commit changed items and canaries with {@code seq = NULL}, and this gives
 * them all new seq values in one transaction under the lock row every instance shares, so seq values become
 * visible in commit order and a reader that has served seq n never later finds a committed change below n.
 */
@ApplicationScoped
public class Sequencer {
    private final FeedStore store;

    public Sequencer(FeedStore store) {
        this.store = store;
    }

    /** Sequences every change committed so far. */
    public void sequence() {
        store.sequence();
    }
}
