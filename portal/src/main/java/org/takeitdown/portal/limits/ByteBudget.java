package org.takeitdown.portal.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bytes held for each key and in all, each under its own bound; a key holding nothing takes no room in the table. */
final class ByteBudget {
    /** {@link #take} succeeded. */
    static final int FITS = 0;
    /** {@link #take} would put the key over its bound. */
    static final int OVER_KEY = 429;
    /** {@link #take} would put everyone together over the bound for all. */
    static final int OVER_ALL = 503;

    private final long maxAll;
    private final long maxPerKey;
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private long all;

    ByteBudget(long maxAll, long maxPerKey) {
        this.maxAll = maxAll;
        this.maxPerKey = maxPerKey;
    }

    /** Takes {@code bytes} for {@code key} when both bounds allow: {@link #FITS}, else what was over, nothing taken. */
    synchronized int take(String key, long bytes) {
        if (all + bytes > maxAll) {
            return OVER_ALL;
        }
        long now = held.getOrDefault(key, 0L) + bytes;
        if (now > maxPerKey) {
            return OVER_KEY;
        }
        held.put(key, now);
        all += bytes;
        return FITS;
    }

    /** Gives back {@code bytes} that {@code key} took. */
    synchronized void release(String key, long bytes) {
        long now = held.getOrDefault(key, 0L) - bytes;
        if (now <= 0) {
            held.remove(key);
        } else {
            held.put(key, now);
        }
        all -= bytes;
    }

    /** Bytes held in all now. */
    synchronized long all() {
        return all;
    }

    /** Keys holding bytes now. */
    synchronized int keys() {
        return held.size();
    }
}
