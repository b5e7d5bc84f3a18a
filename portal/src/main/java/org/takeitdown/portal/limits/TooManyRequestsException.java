package org.takeitdown.portal.limits;

/** A request over a rate or daily limit; answered {@code 429} with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Budget budget;
    private final long retryAfterSeconds;

    public TooManyRequestsException(Budget budget, String detail, long retryAfterSeconds) {
        super(detail);
        this.budget = budget;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The limit that refused, as counted in {@code portal.limits.refused} ({@link Budget#tag()}). */
    public Budget budget() {
        return budget;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
