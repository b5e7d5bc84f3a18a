import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.takeitdown.portal.platform.index.BruteForce;
import org.takeitdown.portal.platform.index.MatchIndex;

/**
 * PDQ match benchmark (not a test): the multi-index against a brute-force scan in the same run,
 * at distance 31, over N random hashes plus 10 % near-duplicates (8 to 24 bits from another).
 * The index is bulk-built, then 1 % of the hashes are replaced through the mutable layer. The
 * clustered row then plants 5,000 near-identical hashes and times one 1,000-query request near them.
 * Usage: portal/bench/run.sh [N ...]
 */
public class MatchBench {
    static long[] hash(SplittableRandom r) {
        return new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }

    static long[] flip(long[] h, int bits, SplittableRandom r) {
        long[] out = h.clone();
        int flipped = 0;
        while (flipped < bits) {
            int p = r.nextInt(256);
            long mask = 1L << (p & 63);
            if (((out[p >>> 6] ^ h[p >>> 6]) & mask) == 0) {
                out[p >>> 6] ^= mask;
                flipped++;
            }
        }
        return out;
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            run(Integer.parseInt(arg));
        }
    }

    static void run(int n) throws Exception {
        SplittableRandom r = new SplittableRandom(n);
        long[][] stored = new long[n][];
        int unique = n - n / 10;
        for (int i = 0; i < unique; i++) {
            stored[i] = hash(r);
        }
        for (int i = unique; i < n; i++) {
            stored[i] = flip(stored[r.nextInt(unique)], 8 + r.nextInt(17), r);
        }
        long[] ids = new long[n];
        long[] flat = new long[4 * n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            System.arraycopy(stored[i], 0, flat, 4 * i, 4);
        }
        long before = usedHeap();
        long t0 = System.nanoTime();
        MatchIndex index = new MatchIndex();
        index.load(ids, flat, n);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        ids = null;
        flat = null;
        long heapMb = (usedHeap() - before) / (1024 * 1024);
        // A day of changes on top: 1 % of the hashes replaced, as the portal would apply them.
        SplittableRandom cr = new SplittableRandom(3);
        for (int i = 0; i < n / 100; i++) {
            int victim = cr.nextInt(n);
            stored[victim] = flip(stored[victim], 1 + cr.nextInt(8), cr);
            index.put(victim, stored[victim]);
        }
        BruteForce brute = new BruteForce();
        for (int i = 0; i < n; i++) {
            brute.add(i, stored[i]);
        }
        stored = null;

        int queries = 4000;
        long[][] q = new long[queries][];
        SplittableRandom qr = new SplittableRandom(7);
        for (int i = 0; i < queries; i++) {
            // Half are edits of stored hashes (matches exist), half are unrelated uploads.
            q[i] = i % 2 == 0 ? flip(brute.hashAt(qr.nextInt(n)), qr.nextInt(25), qr) : hash(qr);
        }
        long found = 0;
        for (int i = 0; i < 500; i++) {
            found += index.query(q[i], 31, 100).matches().size();
        }
        long[] lat = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            found += index.query(q[i], 31, 100).matches().size();
            lat[i] = System.nanoTime() - s;
        }
        Arrays.sort(lat);
        int bq = n >= 5_000_000 ? 40 : 200;
        long[] blat = new long[bq];
        for (int i = 0; i < bq; i++) {
            long s = System.nanoTime();
            var a = brute.query(q[i], 31, 100);
            blat[i] = System.nanoTime() - s;
            var b = index.query(q[i], 31, 100);
            if (!a.matches().equals(b.matches()) || a.truncated() != b.truncated()) {
                throw new AssertionError("index and brute force disagree on query " + i);
            }
        }
        Arrays.sort(blat);

        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + 3_000_000_000L;
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < until) {
                    index.query(q[i % queries], 31, 100);
                    i += 2;
                    done.incrementAndGet();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double qps = done.get() / 3.0;
        System.out.printf("n=%d build-ms=%d index-heap-mb=%d%n", n, buildMs, heapMb);
        System.out.printf("n=%d index p50-ms=%.3f p99-ms=%.3f mean-ms=%.3f%n", n, pct(lat, 0.5), pct(lat, 0.99),
                Arrays.stream(lat).average().orElse(0) / 1e6);
        System.out.printf("n=%d brute p50-ms=%.3f p99-ms=%.3f (%d queries, answers identical)%n", n, pct(blat, 0.5),
                pct(blat, 0.99), bq);
        System.out.printf("n=%d ratio brute/index p50=%.1f p99=%.1f%n", n, pct(blat, 0.5) / pct(lat, 0.5),
                pct(blat, 0.99) / pct(lat, 0.99));
        System.out.printf("n=%d index queries/s on 2 threads=%.0f (matches seen %d)%n", n, qps, found);
        clustered(n, index, brute);
    }

    /** Default of portal.platform.match-budget: stored hashes examined per request. */
    static final long BUDGET = 20_000_000;

    /**
     * The clustered row: 5,000 near-identical hashes (1-8 bits from a random hash with 128 bits set)
     * planted through the mutable layer, as 50 anonymous cases would; then one request of 1,000
     * queries near them at distance 31, with the request budget shared as the portal shares it,
     * without a budget, and by brute force (the baseline of the same run).
     */
    static void clustered(int n, MatchIndex index, BruteForce brute) {
        SplittableRandom r = new SplittableRandom(11);
        long[] center = new long[4];
        for (int set = 0; set < 128; ) {
            int p = r.nextInt(256);
            if ((center[p >>> 6] & (1L << (p & 63))) == 0) {
                center[p >>> 6] |= 1L << (p & 63);
                set++;
            }
        }
        for (int i = 0; i < 5000; i++) {
            long[] h = flip(center, 1 + r.nextInt(8), r);
            index.put(n + i, h);
            brute.add(n + i, h);
        }
        long[][] q = new long[1000][];
        for (int i = 0; i < q.length; i++) {
            q[i] = flip(center, 1 + r.nextInt(8), r);
        }
        for (int warm = 0; warm < 2; warm++) {
            request(index, q, BUDGET);
        }
        long s = System.nanoTime();
        long[] bounded = request(index, q, BUDGET);
        double boundedMs = (System.nanoTime() - s) / 1e6;
        s = System.nanoTime();
        long[] unbounded = request(index, q, Long.MAX_VALUE);
        double unboundedMs = (System.nanoTime() - s) / 1e6;
        s = System.nanoTime();
        for (long[] one : q) {
            brute.query(one, 31, 100);
        }
        double bruteMs = (System.nanoTime() - s) / 1e6;
        System.out.printf("n=%d clustered request (1000 queries, d=31, 5000 planted) budgeted ms=%.0f examined=%d "
                + "truncated=%b | no budget ms=%.0f examined=%d | brute ms=%.0f | ratio brute/budgeted=%.1f%n", n,
                boundedMs, bounded[0], bounded[1] == 1, unboundedMs, unbounded[0], bruteMs, bruteMs / boundedMs);
    }

    /** One match request's PDQ part: {examined, budget spent (1) or not (0)}. */
    static long[] request(MatchIndex index, long[][] q, long budget) {
        long left = budget;
        long spent = 0;
        for (int i = 0; i < q.length; i++) {
            var res = index.query(q[i], 31, 100, left == Long.MAX_VALUE ? left : left / (q.length - i));
            left = left == Long.MAX_VALUE ? left : left - res.examined();
            spent += res.examined();
            if (res.budgetSpent()) {
                budget = -1;
            }
        }
        return new long[] {spent, budget < 0 ? 1 : 0};
    }
}
