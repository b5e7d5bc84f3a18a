package org.takeitdown.portal.limits;

import java.util.Arrays;

/**
 * At most {@code limit} events in any window of {@code windowNanos}: keeps the times of the last
 * {@code limit} events in a ring, so the count is exact (no burst at a bucket boundary). The ring
 * grows as events come, so a client seen once costs one slot, not {@code limit}.
 */
final class SlidingWindow implements ClientTable.Entry {
    private static final int FIRST_SLOTS = 2;

    private final int limit;
    private final long windowNanos;
    private long[] times;
    private int next;
    private int size;

    SlidingWindow(int limit, long windowNanos) {
        this.limit = Math.max(1, limit);
        this.windowNanos = windowNanos;
        this.times = new long[Math.min(this.limit, FIRST_SLOTS)];
    }

    /** Nanoseconds until one more event is allowed; 0 when it is allowed now. */
    synchronized long waitNanos(long now) {
        if (size < limit) {
            return 0;
        }
        long oldest = times[next];
        return Math.max(0, oldest + windowNanos - now);
    }

    synchronized void record(long now) {
        if (times.length < limit) {
            // Still growing, never wrapped: the events are in order at 0..size-1.
            if (size == times.length) {
                times = Arrays.copyOf(times, Math.min(limit, times.length * 2));
            }
            times[size++] = now;
            next = size % times.length;
            return;
        }
        times[next] = now;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** Records the event if allowed; otherwise returns the nanoseconds to wait. */
    synchronized long tryRecord(long now) {
        long wait = waitNanos(now);
        if (wait == 0) {
            record(now);
        }
        return wait;
    }

    @Override
    public synchronized boolean idle(long now) {
        return size == 0 || times[(next + times.length - 1) % times.length] + windowNanos <= now;
    }
}
