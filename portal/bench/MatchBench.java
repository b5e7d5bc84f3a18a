import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.takeitdown.portal.platform.index.BruteForce;
import org.takeitdown.portal.platform.index.MatchIndex;

/**
 * PDQ match benchmark (not a test): the multi-index against a brute-force scan in the same run,
 * at distance 31, over N random hashes plus 10 % near-duplicates (8 to 24 bits from another).
 * The index is bulk-built, then 1 % of the hashes are replaced through the mutable layer.
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
            if (!a.equals(b)) {
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
    }
}
