package org.takeitdown.portal.limits;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} events in any window of {@code windowNanos}: keeps the times of the last
 * {@code limit} events, oldest first, in a ring, so the count is exact (no burst at a bucket boundary).
 * The ring grows as events come, so a client seen once costs one slot, not {@code limit}.
 *
 * <p>A request whose outcome decides whether it counts takes a slot first ({@link #tryReserve}) and
 * settles it when done ({@link #settle}): checking and taking are one step, so however many requests
 * run at once, no more than {@code limit} are let through, and a slot held by a running request is
 * counted as taken until it settles.
 */
final class SlidingWindow implements ClientTable.Entry {
    private static final int FIRST_SLOTS = 2;
    /**
     * Retry-After for a window full only because of requests still running: they settle within
     * moments, so waiting the whole window would be wrong.
     */
    private static final long RUNNING_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int limit;
    private final long windowNanos;
    private long[] times;
    private int start;
    private int size;
    private int running;

    SlidingWindow(int limit, long windowNanos) {
        this.limit = Math.max(1, limit);
        this.windowNanos = windowNanos;
        this.times = new long[Math.min(this.limit, FIRST_SLOTS)];
    }

    /** Nanoseconds until one more event is allowed; 0 when it is allowed now. */
    synchronized long waitNanos(long now) {
        expire(now);
        if (size + running < limit) {
            return 0;
        }
        long oldestLeaves = size == 0 ? Long.MAX_VALUE : times[start] + windowNanos - now;
        return running > 0 ? Math.min(oldestLeaves, RUNNING_RETRY_NANOS) : oldestLeaves;
    }

    /** Records an event that has happened, allowed or not (the oldest drops out when the ring is full). */
    synchronized void record(long now) {
        expire(now);
        if (size == times.length && times.length < limit) {
            times = Arrays.copyOf(inOrder(), Math.min(limit, times.length * 2));
            start = 0;
        }
        if (size == times.length) {
            times[start] = now;
            start = (start + 1) % times.length;
        } else {
            times[(start + size) % times.length] = now;
            size++;
        }
    }

    /** Records the event if allowed; otherwise returns the nanoseconds to wait. */
    synchronized long tryRecord(long now) {
        long wait = waitNanos(now);
        if (wait == 0) {
            record(now);
        }
        return wait;
    }

    /** Takes a slot for a running request if one is free; otherwise returns the nanoseconds to wait. */
    synchronized long tryReserve(long now) {
        long wait = waitNanos(now);
        if (wait == 0) {
            running++;
        }
        return wait;
    }

    /** Settles a slot {@link #tryReserve} took: kept as an event at {@code now} when it {@code counts}, else freed. */
    synchronized void settle(boolean counts, long now) {
        running = Math.max(0, running - 1);
        if (counts) {
            record(now);
        }
    }

    private long[] inOrder() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = times[(start + i) % times.length];
        }
        return out;
    }

    private void expire(long now) {
        while (size > 0 && times[start] + windowNanos <= now) {
            start = (start + 1) % times.length;
            size--;
        }
    }

    @Override
    public synchronized boolean idle(long now) {
        return running == 0 && (size == 0 || times[(start + size - 1) % times.length] + windowNanos <= now);
    }
}
