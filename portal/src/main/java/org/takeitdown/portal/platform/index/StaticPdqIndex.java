package org.takeitdown.portal.platform.index;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable multi-index over 256-bit hashes, laid out as compressed rows (one offsets array
 * and one slots array per chunk), so 10 M hashes need no per-bucket objects. The hash is cut into
 * chunks of about log2(n) bits (16 to 24), so a bucket holds about one hash. Chunk radii are chosen
 * per query so that, by the generalised pigeonhole principle of Norouzi, Punjani and Fleet (CVPR
 * 2012), any hash within distance d of the query has some chunk i within radius r_i of the query's
 * chunk: if every chunk differed by more than r_i, the distance would be at least
 * sum(r_i + 1) > d. At 10 M and d = 31 that is eleven chunks of 23-24 bits, radius 2 on ten of them
 * and 1 on the last (10*3 + 2 = 32). Removed slots are skipped through a bitset.
 */
final class StaticPdqIndex {
    /** Above this share of the index in expected work, scanning everything is cheaper and also exact. */
    private static final double SCAN_RATIO = 0.25;
    /**
     * Most bucket look-ups one query may list (8 MB of scratch a thread); distance 64 needs about
     * 610,000 at 24-bit chunks. Larger distances scan, within the query's allowance.
     */
    private static final int MAX_PROBES = 1 << 20;

    private final int[] widths;
    private final int[] starts;

    /** Hash i occupies words[PAD + 4i .. PAD + 4i + 3]: 32-byte aligned, so one cache line each. */
    private static final int PAD = 2;
    private final long[] words;
    private final long[] ids;
    private final long[] dead;
    private final int size;
    private final int[][] offsets;
    private final int[][] slots;

    /** Builds from {@code n} ids and their hashes ({@code hashes[4i..4i+3]}). */
    StaticPdqIndex(long[] ids, long[] hashes, int n) {
        this.size = n;
        this.widths = widthsFor(n);
        this.starts = new int[widths.length];
        for (int i = 1; i < widths.length; i++) {
            starts[i] = starts[i - 1] + widths[i - 1];
        }
        this.offsets = new int[widths.length][];
        this.slots = new int[widths.length][];
        this.ids = java.util.Arrays.copyOf(ids, n);
        this.words = new long[PAD + 4 * n];
        System.arraycopy(hashes, 0, words, PAD, 4 * n);
        this.dead = new long[(n + 63) >>> 6];
        for (int c = 0; c < widths.length; c++) {
            int[] off = new int[(1 << widths[c]) + 1];
            for (int i = 0; i < n; i++) {
                off[chunk(words, PAD + 4 * i, c) + 1]++;
            }
            for (int v = 0; v < off.length - 1; v++) {
                off[v + 1] += off[v];
            }
            int[] fill = java.util.Arrays.copyOf(off, off.length - 1);
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[fill[chunk(words, PAD + 4 * i, c)]++] = i;
            }
            offsets[c] = off;
            slots[c] = s;
        }
    }

    /** Chunk widths adding up to 256, each about log2(n) bits. */
    static int[] widthsFor(int n) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(n, 2) - 1L);
        bits = Math.max(16, Math.min(24, bits));
        int m = (256 + bits - 1) / bits;
        int[] w = new int[m];
        int base = 256 / m;
        for (int i = 0; i < m; i++) {
            w[i] = base + (i < 256 - base * m ? 1 : 0);
        }
        return w;
    }

    /** Bits [start, start + width) of the hash, counting from the most significant bit. */
    int chunk(long[] w, int off, int c) {
        int start = starts[c];
        int width = widths[c];
        int word = start >>> 6;
        int bit = start & 63;
        long v;
        if (bit + width <= 64) {
            v = w[off + word] >>> (64 - bit - width);
        } else {
            int low = bit + width - 64;
            v = (w[off + word] << low) | (w[off + word + 1] >>> (64 - low));
        }
        return (int) (v & ((1L << width) - 1));
    }

    int size() {
        return size;
    }

    long id(int slot) {
        return ids[slot];
    }

    void kill(int slot) {
        dead[slot >>> 6] |= 1L << slot;
    }

    boolean alive(int slot) {
        return (dead[slot >>> 6] & (1L << slot)) == 0;
    }

    /** Copies the hash in {@code slot} into {@code to[at..at+3]}. */
    void copyHash(int slot, long[] to, int at) {
        System.arraycopy(words, PAD + 4 * slot, to, at, 4);
    }

    private static long choose(int n, int k) {
        long r = 1;
        for (int i = 0; i < k; i++) {
            r = r * (n - i) / (i + 1);
        }
        return r;
    }

    /** Expected work of probing chunk c at exactly radius k: one look-up per value, plus its hashes. */
    private double cost(int c, int k) {
        return choose(widths[c], k) * (1 + size / (double) (1L << widths[c]));
    }

    /** Radius per chunk (-1: not probed) with sum(r_i + 1) >= d + 1, taking the cheapest probes first. */
    int[] radii(int d) {
        int[] r = new int[widths.length];
        java.util.Arrays.fill(r, -1);
        for (int need = d + 1; need > 0; need--) {
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int c = 0; c < widths.length; c++) {
                if (r[c] + 1 <= widths[c]) {
                    double cost = cost(c, r[c] + 1);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = c;
                    }
                }
            }
            r[best]++;
        }
        return r;
    }

    /** All matches within {@code d} of {@code q}, unsorted. */
    List<PdqMatch> query(long[] q, int d) {
        Search s = new Search();
        search(q, d, Long.MAX_VALUE, s);
        return s.found;
    }

    /**
     * Adds to {@code s} the matches within {@code d} of {@code q}, doing at most {@code allowance} work (buckets
     * listed plus candidates examined, {@link Search}): a scan when it is cheaper and affordable, else probes, nearest
     * radii first. Probes that would take more than half the allowance to list are dropped, outermost radius first
     * (the answer then says cut), so the listing too stays within the allowance, whatever the distance asked.
     */
    void search(long[] q, int d, long allowance, Search s) {
        int[] r = radii(d);
        double work = 0;
        double probeCount = 0;
        for (int c = 0; c < widths.length; c++) {
            for (int k = 0; k <= r[c]; k++) {
                work += cost(c, k);
                probeCount += choose(widths[c], k);
            }
        }
        boolean scanCheaper = work > SCAN_RATIO * size;
        if ((scanCheaper && size <= allowance) || probeCount > MAX_PROBES) {
            scan(q, d, allowance, s);
            return;
        }
        boolean shortened = false;
        while (probeCount > allowance / 2) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (r[c] > r[widest]) {
                    widest = c;
                }
            }
            if (r[widest] <= 0) {
                break;
            }
            probeCount -= choose(widths[widest], r[widest]);
            r[widest]--;
            shortened = true;
        }
        if (probeCount > allowance / 2) {
            // Not even the exact buckets fit: a scan as far as the allowance goes.
            scan(q, d, allowance, s);
            return;
        }
        // Four simple passes, each over independent loads, so the processor keeps many cache
        // misses in flight: the bucket values to probe, their bounds, their slots, the distances.
        Scratch t = SCRATCH.get();
        t.probes = 0;
        for (int c = 0; c < widths.length; c++) {
            if (r[c] >= 0) {
                values(c, chunk(q, 0, c), r[c], 0, t);
            }
        }
        int probes = t.probes;
        int[] lo = t.lo(probes);
        int[] hi = t.hi;
        long total = 0;
        for (int i = 0; i < probes; i++) {
            int[] off = offsets[t.chunks[i]];
            int v = t.values[i];
            lo[i] = off[v];
            hi[i] = off[v + 1];
            total += hi[i] - lo[i];
        }
        long candidates = allowance - probes;
        long[] order = null;
        if (total > candidates) {
            // Not everything can be examined: the nearest radii first, the smallest buckets first.
            order = new long[probes];
            for (int i = 0; i < probes; i++) {
                order[i] = Search.probeOrder(t.radii[i], hi[i] - lo[i], i);
            }
            java.util.Arrays.sort(order);
        }
        int budget = (int) Math.min(total, candidates);
        int[] cand = t.candidates(budget);
        int n = 0;
        for (int p = 0; p < probes && n < budget; p++) {
            int i = order == null ? p : Search.probeIndex(order[p]);
            int[] sl = slots[t.chunks[i]];
            int end = (int) Math.min(hi[i], lo[i] + (long) (budget - n));
            for (int j = lo[i]; j < end; j++) {
                cand[n++] = sl[j];
            }
        }
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int o = PAD + 4 * cand[i];
            int dist = Long.bitCount(words[o] ^ q[0]) + Long.bitCount(words[o + 1] ^ q[1])
                    + Long.bitCount(words[o + 2] ^ q[2]) + Long.bitCount(words[o + 3] ^ q[3]);
            if (dist <= d) {
                cand[hits++] = cand[i];
            }
        }
        // A match can be reached through several chunks: report each slot once.
        SlotSet seen = SEEN.get();
        seen.clear(hits);
        for (int i = 0; i < hits; i++) {
            int slot = cand[i];
            if (seen.add(slot) && alive(slot)) {
                s.found.add(new PdqMatch(ids[slot], PdqWords.distance(words, PAD + 4 * slot, q, 0)));
            }
        }
        s.examined += n;
        s.listed += probes;
        s.cut |= total > candidates || shortened;
    }

    private void scan(long[] q, int d, long allowance, Search s) {
        int end = (int) Math.min(size, allowance);
        for (int slot = 0; slot < end; slot++) {
            int dist = PdqWords.distance(words, PAD + 4 * slot, q, 0);
            if (dist <= d && alive(slot)) {
                s.found.add(new PdqMatch(ids[slot], dist));
            }
        }
        s.examined += end;
        s.cut |= end < size;
    }

    private static final ThreadLocal<SlotSet> SEEN = ThreadLocal.withInitial(SlotSet::new);

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread work arrays of a query, kept between queries. */
    private static final class Scratch {
        int[] values = new int[4096];
        int[] chunks = new int[4096];
        int[] radii = new int[4096];
        int[] lo = new int[4096];
        int[] hi = new int[4096];
        int[] cand = new int[4096];
        int probes;

        void add(int chunk, int value, int radius) {
            if (probes == values.length) {
                values = java.util.Arrays.copyOf(values, probes * 2);
                chunks = java.util.Arrays.copyOf(chunks, probes * 2);
                radii = java.util.Arrays.copyOf(radii, probes * 2);
            }
            values[probes] = value;
            radii[probes] = radius;
            chunks[probes++] = chunk;
        }

        int[] lo(int n) {
            if (lo.length < n) {
                lo = new int[n];
                hi = new int[n];
            }
            return lo;
        }

        int[] candidates(int n) {
            if (cand.length < n) {
                cand = new int[n];
            }
            return cand;
        }
    }

    /** Every value within {@code radius} bits of {@code value} in chunk c, each once. */
    private void values(int c, int value, int radius, int fromBit, Scratch t) {
        values(c, value, radius, fromBit, 0, t);
    }

    private void values(int c, int value, int radius, int fromBit, int flipped, Scratch t) {
        t.add(c, value, flipped);
        if (radius == 0) {
            return;
        }
        for (int b = fromBit; b < widths[c]; b++) {
            values(c, value ^ (1 << b), radius - 1, b + 1, flipped + 1, t);
        }
    }
}
