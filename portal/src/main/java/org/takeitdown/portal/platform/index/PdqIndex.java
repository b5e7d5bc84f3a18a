package org.takeitdown.portal.platform.index;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * Exact Hamming-distance search over 256-bit PDQ hashes by multi-index hashing (Norouzi, Punjani
 * and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR 2012). The hash is cut
 * into 16 chunks of 16 bits; if two hashes are within distance d, by the pigeonhole principle some
 * chunk differs in at most floor(d / 16) bits. So a query looks up, in each chunk's table, its own
 * chunk value and every value within that radius, and checks each candidate's full distance. The
 * answer is exactly the brute-force answer. For radius 3 and more (d >= 48) the probes would touch
 * a large share of the index anyway, so it scans everything instead, which is also exact, when the
 * query's allowance of candidates covers the scan; otherwise it probes, nearest radius first.
 *
 * <p>Storage is primitive arrays only: 32 bytes of hash and 8 of id per item, one int per item in
 * each of the 16 tables, and an id-to-slot map. Reads share a lock; changes take it exclusively.
 */
public final class PdqIndex {
    static final int CHUNKS = 16;
    private static final int CHUNK_BITS = 16;
    private static final int VALUES = 1 << CHUNK_BITS;
    /**
     * Largest chunk radius answered by probing: 4 covers distance 79, above the API's 64. From radius
     * 3 (distance 48) the probes would touch a large share of the index, so it scans instead when the
     * query's allowance covers a whole scan, and probes nearest-first when it does not.
     */
    private static final int MAX_PROBE_RADIUS = 4;
    private static final int MAX_ALWAYS_PROBED_RADIUS = 2;
    private static final int[][] FLIPS = flipMasks();
    /** Buckets listed by a probe to radius r: every chunk's values within r flips. */
    private static final int[] PROBES = probeCounts();

    private final StampedLock lock = new StampedLock();
    private long[] words;
    private long[] ids;
    private int slots;
    private int[] free = new int[16];
    private int freeCount;
    private final LongIntMap slotOf;
    private final int[][] buckets = new int[CHUNKS * VALUES][];
    private final int[] bucketSizes = new int[CHUNKS * VALUES];

    public PdqIndex() {
        this(1024);
    }

    public PdqIndex(int expected) {
        int cap = Math.max(16, expected);
        words = new long[cap * PdqWords.WORDS];
        ids = new long[cap];
        slotOf = new LongIntMap(cap);
    }

    /** Flip masks of 0 to {@link #MAX_PROBE_RADIUS} bits in a 16-bit chunk, by radius. */
    private static int[][] flipMasks() {
        int[][] byRadius = new int[MAX_PROBE_RADIUS + 1][];
        int[] counts = new int[MAX_PROBE_RADIUS + 1];
        for (int v = 0; v < VALUES; v++) {
            int bits = Integer.bitCount(v);
            if (bits <= MAX_PROBE_RADIUS) {
                counts[bits]++;
            }
        }
        for (int r = 0; r <= MAX_PROBE_RADIUS; r++) {
            byRadius[r] = new int[counts[r]];
            counts[r] = 0;
        }
        for (int v = 0; v < VALUES; v++) {
            int bits = Integer.bitCount(v);
            if (bits <= MAX_PROBE_RADIUS) {
                byRadius[bits][counts[bits]++] = v;
            }
        }
        return byRadius;
    }

    private static int chunk(long[] w, int off, int c) {
        return (int) (w[off + (c >>> 2)] >>> (48 - CHUNK_BITS * (c & 3))) & (VALUES - 1);
    }

    public int size() {
        long stamp = lock.readLock();
        try {
            return slotOf.size();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Adds or replaces the hash of item {@code id}. */
    public void put(long id, long[] hash) {
        long stamp = lock.writeLock();
        try {
            int old = slotOf.get(id);
            if (old >= 0) {
                if (Arrays.equals(words, old * 4, old * 4 + 4, hash, 0, 4)) {
                    return;
                }
                removeSlot(id, old);
            }
            int slot = freeCount > 0 ? free[--freeCount] : slots++;
            if (slot * PdqWords.WORDS >= words.length) {
                int cap = Math.max(slot + 1, ids.length + (ids.length >> 1));
                words = Arrays.copyOf(words, cap * PdqWords.WORDS);
                ids = Arrays.copyOf(ids, cap);
            }
            System.arraycopy(hash, 0, words, slot * 4, 4);
            ids[slot] = id;
            slotOf.put(id, slot);
            for (int c = 0; c < CHUNKS; c++) {
                int b = c * VALUES + chunk(words, slot * 4, c);
                int[] bucket = buckets[b];
                int size = bucketSizes[b];
                if (bucket == null) {
                    bucket = buckets[b] = new int[4];
                } else if (size == bucket.length) {
                    bucket = buckets[b] = Arrays.copyOf(bucket, size + (size >> 1) + 1);
                }
                bucket[size] = slot;
                bucketSizes[b] = size + 1;
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes item {@code id} if present. */
    public void remove(long id) {
        long stamp = lock.writeLock();
        try {
            int slot = slotOf.get(id);
            if (slot >= 0) {
                removeSlot(id, slot);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void removeSlot(long id, int slot) {
        slotOf.remove(id);
        for (int c = 0; c < CHUNKS; c++) {
            int b = c * VALUES + chunk(words, slot * 4, c);
            int[] bucket = buckets[b];
            int size = bucketSizes[b];
            for (int i = 0; i < size; i++) {
                if (bucket[i] == slot) {
                    bucket[i] = bucket[size - 1];
                    bucketSizes[b] = size - 1;
                    break;
                }
            }
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        ids[slot] = -1;
    }

    /** Copies every id and hash into the arrays from position {@code at}; returns the next position. */
    int copyInto(long[] toIds, long[] toHashes, int at) {
        long stamp = lock.readLock();
        try {
            for (int slot = 0; slot < slots; slot++) {
                if (ids[slot] >= 0 && slotOf.get(ids[slot]) == slot) {
                    toIds[at] = ids[slot];
                    System.arraycopy(words, slot * 4, toHashes, at * 4, 4);
                    at++;
                }
            }
            return at;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Items within {@code maxDistance} bits of {@code query}, nearest first, at most {@code limit}. */
    public PdqQueryResult query(long[] query, int maxDistance, int limit) {
        return query(query, maxDistance, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #query(long[], int, int)}, examining at most {@code allowance} candidates: past it,
     * the nearest matches among those examined, marked truncated.
     */
    public PdqQueryResult query(long[] query, int maxDistance, int limit, long allowance) {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new IllegalArgumentException("maxDistance must be 0..256");
        }
        Search s = new Search();
        search(query, maxDistance, allowance, s);
        return PdqQueryResult.nearest(s, limit);
    }

    /** Adds to {@code s} the matches within {@code maxDistance}, examining at most {@code allowance} candidates. */
    void search(long[] q, int maxDistance, long allowance, Search s) {
        long stamp = lock.readLock();
        try {
            if (slotOf.size() == 0) {
                return;
            }
            int radius = maxDistance / CHUNKS;
            if (radius > MAX_PROBE_RADIUS || (radius > MAX_ALWAYS_PROBED_RADIUS && slots <= allowance)) {
                scan(q, maxDistance, allowance, s);
            } else {
                probe(q, maxDistance, allowance, s);
            }
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private static final ThreadLocal<SlotSet> SEEN = ThreadLocal.withInitial(SlotSet::new);
    /** First size of the set of reported slots; it grows with the matches of a query. */
    private static final int MAX_EXPECTED_MATCHES = 4096;

    private static int[] probeCounts() {
        int[] probes = new int[FLIPS.length];
        for (int r = 0; r < FLIPS.length; r++) {
            probes[r] = (r == 0 ? 0 : probes[r - 1]) + CHUNKS * FLIPS[r].length;
        }
        return probes;
    }

    /**
     * Probes the buckets within the radius {@code maxDistance} asks for, doing at most {@code allowance} work (buckets
     * listed plus candidates examined, {@link Search}): a radius whose buckets would take more than half the
     * allowance to list is lowered (the answer then says cut); where even the exact buckets don't fit, a scan.
     */
    private void probe(long[] q, int maxDistance, long allowance, Search s) {
        int radius = maxDistance / CHUNKS;
        boolean shortened = false;
        while (radius > 0 && PROBES[radius] > allowance / 2) {
            radius--;
            shortened = true;
        }
        int probes = PROBES[radius];
        if (probes > allowance / 2) {
            scan(q, maxDistance, allowance, s);
            return;
        }
        long candidates = allowance - probes;
        long[] order = new long[probes];
        long total = 0;
        int n = 0;
        for (int r = 0; r <= radius; r++) {
            for (int c = 0; c < CHUNKS; c++) {
                int value = chunk(q, 0, c);
                for (int flip : FLIPS[r]) {
                    int b = c * VALUES + (value ^ flip);
                    total += bucketSizes[b];
                    order[n] = Search.probeOrder(r, bucketSizes[b], b);
                    n++;
                }
            }
        }
        if (total > candidates) {
            // Not everything can be examined: the nearest radii first, the smallest buckets first.
            Arrays.sort(order);
        }
        long budget = Math.min(total, candidates);
        SlotSet seen = SEEN.get();
        seen.clear(Math.min(MAX_EXPECTED_MATCHES, Math.min(budget, slotOf.size())));
        long examined = 0;
        for (int p = 0; p < n && examined < budget; p++) {
            int b = Search.probeIndex(order[p]);
            int[] bucket = buckets[b];
            int size = (int) Math.min(bucketSizes[b], budget - examined);
            examined += size;
            for (int i = 0; i < size; i++) {
                int slot = bucket[i];
                int d = PdqWords.distance(words, slot * 4, q, 0);
                if (d <= maxDistance && seen.add(slot)) {
                    s.found.add(new PdqMatch(ids[slot], d));
                }
            }
        }
        s.examined += examined;
        s.listed += probes;
        s.cut |= total > candidates || shortened;
    }

    private void scan(long[] q, int maxDistance, long allowance, Search s) {
        int end = (int) Math.min(slots, allowance);
        for (int slot = 0; slot < end; slot++) {
            if (ids[slot] < 0) {
                continue;
            }
            int d = PdqWords.distance(words, slot * 4, q, 0);
            if (d <= maxDistance) {
                s.found.add(new PdqMatch(ids[slot], d));
            }
        }
        s.examined += end;
        s.cut |= end < slots;
    }
}
