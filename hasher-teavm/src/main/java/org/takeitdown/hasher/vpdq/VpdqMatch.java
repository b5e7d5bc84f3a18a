package org.takeitdown.hasher.vpdq;

/**
 * How much of two vPDQ hashes match: the share (0..100) of the query's usable frames that have a
 * close frame in the compared video, and the other way round.
 */
public final class VpdqMatch {
    private final double queryPercent;
    private final double comparedPercent;

    public VpdqMatch(double queryPercent, double comparedPercent) {
        this.queryPercent = queryPercent;
        this.comparedPercent = comparedPercent;
    }

    public double queryPercent() {
        return queryPercent;
    }

    public double comparedPercent() {
        return comparedPercent;
    }

    /** Whether both shares reach their thresholds (percent). */
    public boolean isMatch(double queryThreshold, double comparedThreshold) {
        return queryPercent >= queryThreshold && comparedPercent >= comparedThreshold;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "query %.1f%%, compared %.1f%%", queryPercent, comparedPercent);
    }
}
