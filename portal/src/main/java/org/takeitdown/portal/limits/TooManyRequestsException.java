package org.takeitdown.portal.limits;

/** A request over a rate or daily limit; answered {@code 429} with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String budget;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String budget, String detail, long retryAfterSeconds) {
        super(detail);
        this.budget = budget;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The name of the limit that refused, as counted in {@code portal.limits.refused}. */
    public String budget() {
        return budget;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
