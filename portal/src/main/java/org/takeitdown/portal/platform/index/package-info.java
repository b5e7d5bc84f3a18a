/**
 * The in-memory PDQ and vPDQ indexes, exact (every answer equals a brute-force scan) and bounded in work.
 *
 * <ul>
 *   <li>{@link org.takeitdown.portal.platform.index.MatchIndex} is the index the portal queries: an immutable
 *       {@code StaticPdqIndex} over most hashes plus a small mutable
 *       {@link org.takeitdown.portal.platform.index.PdqIndex} (the write layer) for changes since the static part
 *       was built. A changed or removed hash is marked dead in the static part; when the write layer grows past a
 *       quarter of the static part, both are rebuilt into a new static part. Queries run from any thread; changes
 *       come from one thread at a time (the sync job's catch-up).</li>
 *   <li>{@code PdqIndex} is multi-index hashing over 16 chunks of 16 bits (Norouzi, Punjani and Fleet, CVPR
 *       2012), scanning everything instead when the radius makes probes touch most of it; {@code StaticPdqIndex}
 *       is the same idea over compressed rows with chunks of about log2(n) bits and radii chosen per query.</li>
 *   <li>{@link org.takeitdown.portal.platform.index.VideoIndex} keeps every active video's usable frames in one
 *       {@code MatchIndex} keyed {@code itemId * 4096 + frame} to find candidate videos, then compares each
 *       candidate exactly both ways, as Meta's vPDQ matcher does.</li>
 *   <li>{@code Search} is one query's progress through the layers: matches found, candidates examined and whether
 *       its allowance ran out. A query's allowance is its share of the request's budget ({@code MatchBudget} in
 *       the platform package); {@code MatchIndex} gives the write layer at most half of it and the static part the
 *       rest, and a query past its allowance answers the nearest matches examined, marked truncated
 *       ({@link org.takeitdown.portal.platform.index.PdqQueryResult}).</li>
 *   <li>{@code LongIntMap} and {@code SlotSet} are primitive hash tables, so 10 M items need no per-item objects.</li>
 * </ul>
 *
 * <p>This package depends only on {@code java.*} and the hasher (checked by the architecture test).
 */
package org.takeitdown.portal.platform.index;
