package org.takeitdown.portal.platform.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every index layer stops at the allowance of candidates it is given, whatever it holds: over
 * thousands of near-identical hashes it examines no more, answers with the nearest matches among
 * those examined (true distances, nearest first, the exact copy included) and says truncated; with
 * enough allowance it answers exactly as brute force.
 */
class BoundedWorkTest {
    private final Random random = new Random(17);

    /** A realistic PDQ hash: 128 of 256 bits set. */
    private long[] balanced() {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            bits.add(i);
        }
        Collections.shuffle(bits, random);
        long[] h = new long[4];
        for (int i = 0; i < 128; i++) {
            h[bits.get(i) >>> 6] |= 1L << (bits.get(i) & 63);
        }
        return h;
    }

    private long[] near(long[] h) {
        long[] out = h.clone();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            int b = random.nextInt(256);
            out[b >>> 6] ^= 1L << (b & 63);
        }
        return out;
    }

    /** A layer's budgeted query. */
    interface Query {
        PdqQueryResult query(long[] q, int d, int limit, long allowance);
    }

    private void assertBounded(Query index, BruteForce brute, long[] query, long allowance) {
        for (int d : new int[] {15, 31, 47, 64}) {
            PdqQueryResult got = index.query(query, d, 100, allowance);
            assertThat(got.examined()).as("distance %d", d).isPositive().isLessThanOrEqualTo(allowance);
            assertThat(got.budgetSpent()).as("distance %d", d).isTrue();
            assertThat(got.truncated()).isTrue();
            assertThat(got.matches()).isNotEmpty().isSorted().isSubsetOf(brute.query(query, d, Integer.MAX_VALUE).matches());
            assertThat(got.matches().get(0)).as("the exact copy, found first").isEqualTo(new PdqMatch(0, 0));

            PdqQueryResult all = index.query(query, d, 100, Long.MAX_VALUE);
            assertThat(all.budgetSpent()).isFalse();
            assertThat(all.matches()).isEqualTo(brute.query(query, d, 100).matches());
        }
    }

    private BruteForce cluster(long[] center, int n, java.util.function.BiConsumer<Long, long[]> put) {
        BruteForce brute = new BruteForce();
        put.accept(0L, center);
        brute.add(0, center);
        for (long id = 1; id < n; id++) {
            long[] h = near(center);
            put.accept(id, h);
            brute.add(id, h);
        }
        return brute;
    }

    @Test
    void theRecentChangesLayerStopsAtItsAllowanceOverFiveThousandNearIdenticalHashes() {
        long[] center = balanced();
        PdqIndex index = new PdqIndex();
        BruteForce brute = cluster(center, 5000, index::put);
        assertBounded(index::query, brute, center, 2000);
    }

    @Test
    void theLayeredIndexStopsAtItsAllowanceWhetherTheClusterIsStaticOrRecent() {
        long[] center = balanced();
        MatchIndex recent = new MatchIndex();
        BruteForce brute = cluster(center, 5000, recent::put);
        assertBounded(recent::query, brute, center, 2000);

        MatchIndex folded = new MatchIndex(100);
        brute = cluster(center, 5000, folded::put);
        folded.rebuild();
        assertBounded(folded::query, brute, center, 2000);
    }

    @Test
    void listingTheBucketsOfAFarDistanceTakesAtMostHalfTheAllowanceInEitherLayer() {
        int n = 200_000;
        long[] ids = new long[n];
        long[] hashes = new long[4 * n];
        PdqIndex recent = new PdqIndex();
        for (int i = 0; i < n; i++) {
            long[] h = balanced();
            ids[i] = i;
            System.arraycopy(h, 0, hashes, 4 * i, 4);
            if (i < 5000) {
                recent.put(i, h);
            }
        }
        StaticPdqIndex folded = new StaticPdqIndex(ids, hashes, n);
        long[] query = balanced();
        for (int d : new int[] {47, 64}) {
            Search ample = new Search();
            folded.search(query, d, n - 1, ample);
            assertThat(ample.listed).as("what distance %d lists given all but a scan's allowance", d).isGreaterThan(2000);

            Search s = new Search();
            folded.search(query, d, 2000, s);
            assertThat(s.listed).as("static layer, distance %d", d).isPositive().isLessThanOrEqualTo(1000);
            assertThat(s.work()).isLessThanOrEqualTo(2000);
            assertThat(s.cut).isTrue();

            Search r = new Search();
            recent.search(query, d, 2000, r);
            assertThat(r.listed).as("recent-changes layer, distance %d", d).isLessThanOrEqualTo(1000);
            assertThat(r.work()).isLessThanOrEqualTo(2000);
        }
    }

    @Test
    void theVideoIndexStopsAtItsAllowanceOverTwentyThousandNearIdenticalFrames() {
        long[] center = balanced();
        VideoIndex index = new VideoIndex();
        for (long video = 1; video <= 6; video++) {
            long[] frames = new long[4 * 3500];
            for (int k = 0; k < 3500; k++) {
                System.arraycopy(near(center), 0, frames, 4 * k, 4);
            }
            index.put(video, frames);
        }
        long[] query = new long[4 * 50];
        for (int k = 0; k < 50; k++) {
            System.arraycopy(near(center), 0, query, 4 * k, 4);
        }
        VideoIndex.Result cut = index.query(query, 31, 80, 80, 100, 100_000);
        assertThat(cut.examined()).isPositive().isLessThanOrEqualTo(100_000);
        assertThat(cut.budgetSpent()).isTrue();
        assertThat(cut.truncated()).isTrue();

        VideoIndex.Result all = index.query(query, 31, 80, 80, 100, Long.MAX_VALUE);
        assertThat(all.budgetSpent()).isFalse();
        assertThat(all.matches()).extracting(VideoIndex.Score::id).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all.examined()).isGreaterThan(100_000);
    }
}
