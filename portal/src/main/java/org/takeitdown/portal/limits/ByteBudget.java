package org.takeitdown.portal.limits;

import java.util.HashMap;
import java.util.Map;

/** Bytes held for each key and in all, each under its own bound; a key holding nothing takes no room in the table. */
final class ByteBudget {
    /** What {@link #take} did. */
    enum Outcome {
        /** The bytes were taken. */
        FITS,
        /** Nothing taken: the key would be over its bound. */
        OVER_KEY,
        /** Nothing taken: everyone together would be over the bound for all. */
        OVER_ALL
    }

    private final long maxAll;
    private final long maxPerKey;
    /** Guarded by this object's lock, as {@link #all} is. */
    private final Map<String, Long> held = new HashMap<>();
    private long all;

    ByteBudget(long maxAll, long maxPerKey) {
        this.maxAll = maxAll;
        this.maxPerKey = maxPerKey;
    }

    /** Takes {@code bytes} for {@code key} when both bounds allow: {@link Outcome#FITS}, else what was over, nothing taken. */
    synchronized Outcome take(String key, long bytes) {
        if (all + bytes > maxAll) {
            return Outcome.OVER_ALL;
        }
        long now = held.getOrDefault(key, 0L) + bytes;
        if (now > maxPerKey) {
            return Outcome.OVER_KEY;
        }
        held.put(key, now);
        all += bytes;
        return Outcome.FITS;
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
