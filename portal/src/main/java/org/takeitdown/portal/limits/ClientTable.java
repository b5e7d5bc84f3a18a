package org.takeitdown.portal.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-client state of one kind, for at most {@code capacity} clients. When full, entries that no
 * longer hold anything ({@link Entry#idle}) are dropped; if it is still full, new clients are not
 * admitted (the caller refuses them) and known clients' state is never evicted, because evicting
 * would let anyone with many addresses wipe counters, their own included.
 */
final class ClientTable<V extends ClientTable.Entry> {
    /** A client's state. */
    interface Entry {
        /** Whether dropping this entry would forget nothing (its window has passed). */
        boolean idle(long now);
    }

    /** A full table looks for idle entries at most this often, so a flood of newcomers can't make every request scan it. */
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private boolean pruned;
    private long lastPrune;

    ClientTable(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** The client's entry, or null. */
    V get(String client) {
        return entries.get(client);
    }

    /** The client's entry, made when new; null when the table is full and the client new. */
    V getOrCreate(String client, Supplier<V> make, long now) {
        V v = entries.get(client);
        if (v != null) {
            return v;
        }
        synchronized (this) {
            v = entries.get(client);
            if (v == null && roomLocked(now)) {
                v = make.get();
                entries.put(client, v);
            }
            return v;
        }
    }

    /** Whether the client has an entry or one could be made now. */
    boolean admits(String client, long now) {
        if (entries.containsKey(client)) {
            return true;
        }
        synchronized (this) {
            return roomLocked(now);
        }
    }

    int size() {
        return entries.size();
    }

    private boolean roomLocked(long now) {
        if (entries.size() >= capacity && (!pruned || now - lastPrune >= PRUNE_EVERY_NANOS)) {
            pruned = true;
            lastPrune = now;
            entries.values().removeIf(e -> e.idle(now));
        }
        return entries.size() < capacity;
    }
}
