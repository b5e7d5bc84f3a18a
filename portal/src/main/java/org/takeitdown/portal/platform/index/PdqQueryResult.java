package org.takeitdown.portal.platform.index;

import java.util.List;

/** Matches sorted by distance then id, at most the limit asked for; {@code truncated} when more existed. */
public record PdqQueryResult(List<PdqMatch> matches, boolean truncated) {
}
