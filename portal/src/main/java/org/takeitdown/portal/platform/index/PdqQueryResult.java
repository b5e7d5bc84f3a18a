package org.takeitdown.portal.platform.index;

import java.util.Collections;
import java.util.List;

/**
 * Matches sorted by distance then id, at most the limit asked for; {@code truncated} when more may
 * exist: more were found than the limit, or the query's allowance of candidates ran out
 * ({@code budgetSpent}); {@code examined} is the work done, candidates examined plus index buckets listed.
 */
public record PdqQueryResult(List<PdqMatch> matches, boolean truncated, long examined, boolean budgetSpent) {
    /** Sorts the search's matches in place and keeps the nearest {@code limit}. */
    static PdqQueryResult nearest(Search s, int limit) {
        List<PdqMatch> found = s.found;
        Collections.sort(found);
        boolean over = found.size() > limit;
        return new PdqQueryResult(over ? List.copyOf(found.subList(0, limit)) : found, over || s.cut, s.work(),
                s.cut);
    }
}
