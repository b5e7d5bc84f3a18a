package org.takeitdown.portal.platform;

/**
 * One match request's budget of work (stored hashes compared with a query, and index buckets listed), shared
 * among its queries (each PDQ hash, each video): every query may spend an equal part of what is
 * left, so a query that spends less leaves more for the rest, and each one gets at least
 * {@code total / queries} however much the others find — a cluster planted near one query cannot
 * starve the others.
 */
final class MatchBudget {
    private long left;
    private int queriesLeft;
    private long examined;
    private boolean spent;

    MatchBudget(long total, int queries) {
        this.left = total;
        this.queriesLeft = queries;
    }

    /** What the next query may examine. */
    long allowance() {
        return left / Math.max(1, queriesLeft);
    }

    /** Records a query's work; {@code cut}: it stopped at its allowance. */
    void spend(long work, boolean cut) {
        left -= work;
        queriesLeft--;
        examined += work;
        spent |= cut;
    }

    long examined() {
        return examined;
    }

    /** Whether some query stopped at its allowance, so its answer may miss matches. */
    boolean spent() {
        return spent;
    }
}
