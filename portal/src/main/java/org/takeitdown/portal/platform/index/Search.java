package org.takeitdown.portal.platform.index;

import java.util.ArrayList;
import java.util.List;

/**
 * One query's progress through the index layers: the matches found, the candidates examined (hashes whose
 * distance to the query was computed), the index buckets listed to find them, and whether the allowance ran out
 * before every candidate was examined. The two counts together are the work, the unit of the match budget.
 */
final class Search {
    final List<PdqMatch> found = new ArrayList<>();
    long examined;
    long listed;
    boolean cut;

    /** Candidates examined plus buckets listed. */
    long work() {
        return examined + listed;
    }

    /**
     * Candidates are examined in order of increasing chunk radius, and within a radius from the
     * smallest bucket up: this is the sort key of probe {@code index} at {@code radius} over
     * {@code size} hashes (radius below 8, size below 2^35, index below 2^21).
     */
    static long probeOrder(int radius, long size, int index) {
        return (long) radius << 56 | Math.min(size, (1L << 35) - 1) << 21 | index;
    }

    static int probeIndex(long order) {
        return (int) (order & ((1 << 21) - 1));
    }
}
