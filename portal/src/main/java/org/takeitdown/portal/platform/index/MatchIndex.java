package org.takeitdown.portal.platform.index;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The PDQ index the portal queries: an immutable {@link StaticPdqIndex} over most hashes, plus a
 * small mutable {@link PdqIndex} for changes since it was built. A changed or removed hash is
 * marked dead in the static part; when the mutable part grows past a quarter of the static one,
 * both are rebuilt into a new static part. Every answer equals the brute-force answer.
 *
 * <p>Queries may run from any number of threads; changes must come from one thread at a time.
 */
public final class MatchIndex {
    private static final int MIN_DELTA = 50_000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int minDelta;
    private StaticPdqIndex base = new StaticPdqIndex(new long[0], new long[0], 0);
    private LongIntMap baseSlots = new LongIntMap(16);
    private PdqIndex delta = new PdqIndex();

    public MatchIndex() {
        this(MIN_DELTA);
    }

    /** {@code minDelta}: changes kept in the mutable part before a rebuild is considered. */
    public MatchIndex(int minDelta) {
        this.minDelta = minDelta;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return baseSlots.size() + delta.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces the hash of item {@code id}. */
    public void put(long id, long[] hash) {
        lock.writeLock().lock();
        try {
            dropFromBase(id);
            delta.put(id, hash);
        } finally {
            lock.writeLock().unlock();
        }
        rebuildIfLarge();
    }

    /** Removes item {@code id} if present. */
    public void remove(long id) {
        lock.writeLock().lock();
        try {
            dropFromBase(id);
            delta.remove(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks item {@code id} dead in the static part, if it is there. Call with the write lock held. */
    private void dropFromBase(long id) {
        int slot = baseSlots.remove(id);
        if (slot >= 0) {
            base.kill(slot);
        }
    }

    private void rebuildIfLarge() {
        if (delta.size() >= Math.max(minDelta, baseSlots.size() / 4)) {
            rebuild();
        }
    }

    /** Replaces the whole content with {@code n} ids and hashes ({@code hashes[4i..4i+3]}), built at once. */
    public void load(long[] ids, long[] hashes, int n) {
        StaticPdqIndex built = new StaticPdqIndex(ids, hashes, n);
        LongIntMap slots = new LongIntMap(n);
        for (int slot = 0; slot < n; slot++) {
            slots.put(built.id(slot), slot);
        }
        lock.writeLock().lock();
        try {
            base = built;
            baseSlots = slots;
            delta = new PdqIndex();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Folds every live hash into a new static part (built without blocking queries). */
    public void rebuild() {
        int n;
        long[] ids;
        long[] hashes;
        lock.readLock().lock();
        try {
            n = baseSlots.size() + delta.size();
            ids = new long[n];
            hashes = new long[4 * n];
            int i = 0;
            for (int slot = 0; slot < base.size(); slot++) {
                if (base.alive(slot)) {
                    ids[i] = base.id(slot);
                    base.copyHash(slot, hashes, 4 * i);
                    i++;
                }
            }
            i = delta.copyInto(ids, hashes, i);
            n = i;
        } finally {
            lock.readLock().unlock();
        }
        load(ids, hashes, n);
    }

    /** Items within {@code maxDistance} bits of {@code query}, nearest first, at most {@code limit}. */
    public PdqQueryResult query(long[] query, int maxDistance, int limit) {
        return query(query, maxDistance, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #query(long[], int, int)}, examining at most {@code allowance} candidates; past it,
     * the nearest matches among those examined, marked truncated. The recent-changes layer goes
     * first with at most half the allowance (all of it when the static part is empty) and the static
     * part gets the rest, so a cluster planted in either layer cannot take the other's half.
     */
    public PdqQueryResult query(long[] query, int maxDistance, int limit, long allowance) {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new IllegalArgumentException("maxDistance must be 0..256");
        }
        if (allowance < 0) {
            throw new IllegalArgumentException("allowance must not be negative");
        }
        lock.readLock().lock();
        try {
            Search s = new Search();
            delta.search(query, maxDistance, base.size() == 0 ? allowance : allowance - allowance / 2, s);
            base.search(query, maxDistance, allowance - s.work(), s);
            return PdqQueryResult.nearest(s, limit);
        } finally {
            lock.readLock().unlock();
        }
    }
}
