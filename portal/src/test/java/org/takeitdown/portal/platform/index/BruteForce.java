package org.takeitdown.portal.platform.index;

import java.util.Arrays;

/** The reference answer: a linear scan over every hash. Used by tests and the benchmark. */
public final class BruteForce {
    private long[] words = new long[1024];
    private long[] ids = new long[256];
    private int size;

    public void add(long id, long[] hash) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            words = Arrays.copyOf(words, size * 8);
        }
        ids[size] = id;
        System.arraycopy(hash, 0, words, size * 4, 4);
        size++;
    }

    /** The hash added {@code i}-th. */
    public long[] hashAt(int i) {
        return Arrays.copyOfRange(words, i * 4, i * 4 + 4);
    }

    public PdqQueryResult query(long[] q, int maxDistance, int limit) {
        Search s = new Search();
        for (int i = 0; i < size; i++) {
            int d = PdqWords.distance(words, i * 4, q, 0);
            if (d <= maxDistance) {
                s.found.add(new PdqMatch(ids[i], d));
            }
        }
        s.examined = size;
        return PdqQueryResult.nearest(s, limit);
    }
}
