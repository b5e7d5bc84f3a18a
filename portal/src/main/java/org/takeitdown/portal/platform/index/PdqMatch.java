package org.takeitdown.portal.platform.index;

/** One match: an item id and its Hamming distance to the query. */
public record PdqMatch(long id, int distance) implements Comparable<PdqMatch> {
    @Override
    public int compareTo(PdqMatch o) {
        int c = Integer.compare(distance, o.distance);
        return c != 0 ? c : Long.compare(id, o.id);
    }
}
