package org.takeitdown.portal.limits;

/**
 * At most {@code limit} events in any window of {@code windowNanos}: keeps the times of the last
 * {@code limit} events in a ring, so the count is exact (no burst at a bucket boundary).
 */
final class SlidingWindow implements ClientTable.Entry {
    private final long[] times;
    private final long windowNanos;
    private int next;
    private int size;

    SlidingWindow(int limit, long windowNanos) {
        this.times = new long[Math.max(1, limit)];
        this.windowNanos = windowNanos;
    }

    /** Nanoseconds until one more event is allowed; 0 when it is allowed now. */
    synchronized long waitNanos(long now) {
        if (size < times.length) {
            return 0;
        }
        long oldest = times[next];
        return Math.max(0, oldest + windowNanos - now);
    }

    synchronized void record(long now) {
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
