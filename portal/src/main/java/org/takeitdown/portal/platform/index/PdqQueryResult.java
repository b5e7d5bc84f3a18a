package org.takeitdown.portal.platform.index;

import java.util.Collections;
import java.util.List;

/** Matches sorted by distance then id, at most the limit asked for; {@code truncated} when more existed. */
public record PdqQueryResult(List<PdqMatch> matches, boolean truncated) {
    /** Sorts {@code found} in place and keeps the nearest {@code limit}. */
    static PdqQueryResult nearest(List<PdqMatch> found, int limit) {
        Collections.sort(found);
        boolean truncated = found.size() > limit;
        return new PdqQueryResult(truncated ? List.copyOf(found.subList(0, limit)) : found, truncated);
    }
}
