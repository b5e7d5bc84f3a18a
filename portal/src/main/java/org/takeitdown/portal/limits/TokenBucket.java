package org.takeitdown.portal.limits;

/** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}; one token per request. */
final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, int perSecond, long now) {
        this.capacity = Math.max(1, capacity);
        this.perNano = Math.max(1, perSecond) / 1e9;
        this.tokens = this.capacity;
        this.last = now;
    }

    /** Takes a token if there is one; otherwise returns the nanoseconds until there is. */
    synchronized long tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
