package org.takeitdown.portal.platform.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The indexes' answers equal the brute-force answer: random hashes, clustered near-duplicates,
 * replacements and removals, every distance 0..64; under a random allowance of candidates they
 * examine no more, and answer exactly unless they say the allowance ran out.
 */
class PdqIndexPropertyTest {
    private static long[] random(Random r) {
        return new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }

    private static long[] flip(long[] h, int bits, Random r) {
        long[] out = h.clone();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, r);
        for (int i = 0; i < bits; i++) {
            int p = positions.get(i);
            out[p >>> 6] ^= 1L << (p & 63);
        }
        return out;
    }

    private static List<PdqMatch> brute(Map<Long, long[]> model, long[] q, int d) {
        List<PdqMatch> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : model.entrySet()) {
            int dist = PdqWords.distance(e.getValue(), 0, q, 0);
            if (dist <= d) {
                out.add(new PdqMatch(e.getKey(), dist));
            }
        }
        Collections.sort(out);
        return out;
    }

    /** The indexes under test, behind one face: changes, then queries. */
    record Index(BiConsumer<Long, long[]> put, LongConsumer remover, Query query, IntSupplier size) {
        void remove(long id) {
            remover.accept(id);
        }
    }

    interface Query {
        PdqQueryResult query(long[] q, int d, int limit, long allowance);
    }

    private static Index mutable() {
        PdqIndex i = new PdqIndex(16);
        return new Index(i::put, i::remove, i::query, i::size);
    }

    /** A MatchIndex that rebuilds its static part every 150 changes, so answers mix static, dead and fresh hashes. */
    private static Index layered() {
        MatchIndex i = new MatchIndex(150);
        return new Index(i::put, i::remove, i::query, i::size);
    }

    @Property(tries = 15)
    void mutableIndexAnswersExactlyAsBruteForceAtEveryDistance(@ForAll long seed) {
        answersExactlyAsBruteForce(seed, mutable());
    }

    @Property(tries = 15)
    void layeredIndexAnswersExactlyAsBruteForceAtEveryDistance(@ForAll long seed) {
        answersExactlyAsBruteForce(seed, layered());
    }

    private void answersExactlyAsBruteForce(long seed, Index index) {
        Random r = new Random(seed);
        Map<Long, long[]> model = new HashMap<>();
        List<long[]> centers = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 1500; i++, id++) {
            long[] h = random(r);
            index.put().accept(id, h);
            model.put(id, h);
            if (i % 30 == 0) {
                centers.add(h);
            }
        }
        for (long[] c : centers) {
            for (int k = 0; k < 20; k++, id++) {
                long[] h = flip(c, r.nextInt(65), r);
                index.put().accept(id, h);
                model.put(id, h);
            }
        }
        List<Long> ids = new ArrayList<>(model.keySet());
        Collections.shuffle(ids, r);
        for (int i = 0; i < 200; i++) {
            long victim = ids.get(i);
            if (i % 2 == 0) {
                index.remove(victim);
                model.remove(victim);
            } else {
                long[] h = flip(model.get(victim), 1 + r.nextInt(30), r);
                index.put().accept(victim, h);
                model.put(victim, h);
            }
        }
        index.remove(-5);
        assertThat(index.size().getAsInt()).isEqualTo(model.size());

        List<long[]> queries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            queries.add(random(r));
            long[] c = centers.get(r.nextInt(centers.size()));
            queries.add(flip(c, r.nextInt(40), r));
        }
        for (long[] q : queries) {
            for (int d = 0; d <= 64; d++) {
                List<PdqMatch> expected = brute(model, q, d);
                PdqQueryResult got = index.query().query(q, d, Integer.MAX_VALUE, Long.MAX_VALUE);
                assertThat(got.matches()).as("distance %d", d).isEqualTo(expected);
                assertThat(got.truncated()).isFalse();

                long allowance = 1 + r.nextInt(4000);
                PdqQueryResult bounded = index.query().query(q, d, Integer.MAX_VALUE, allowance);
                assertThat(bounded.examined()).as("distance %d", d).isLessThanOrEqualTo(allowance);
                if (bounded.budgetSpent()) {
                    assertThat(bounded.truncated()).isTrue();
                    assertThat(bounded.matches()).isSorted().isSubsetOf(expected);
                } else {
                    assertThat(bounded.matches()).as("not truncated at distance %d", d).isEqualTo(expected);
                    assertThat(bounded.truncated()).isFalse();
                }
            }
        }
    }

    @Property(tries = 20)
    void truncatesToTheNearestMatches(@ForAll long seed) {
        Random r = new Random(seed);
        PdqIndex index = new PdqIndex();
        Map<Long, long[]> model = new HashMap<>();
        long[] c = random(r);
        for (long id = 0; id < 300; id++) {
            long[] h = flip(c, r.nextInt(31), r);
            index.put(id, h);
            model.put(id, h);
        }
        PdqQueryResult got = index.query(c, 31, 100);
        assertThat(got.truncated()).isTrue();
        assertThat(got.matches()).isEqualTo(brute(model, c, 31).subList(0, 100));
        MatchIndex layered = new MatchIndex(50);
        model.forEach(layered::put);
        got = layered.query(c, 31, 100);
        assertThat(got.truncated()).isTrue();
        assertThat(got.matches()).isEqualTo(brute(model, c, 31).subList(0, 100));
    }

    @Property(tries = 50)
    void longIntMapBehavesLikeAHashMap(@ForAll long seed) {
        Random r = new Random(seed);
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            long key = r.nextInt(600) * 0x10000L;
            switch (r.nextInt(3)) {
                case 0 -> {
                    int v = r.nextInt(1000);
                    map.put(key, v);
                    model.put(key, v);
                }
                case 1 -> {
                    Integer expected = model.remove(key);
                    assertThat(map.remove(key)).isEqualTo(expected == null ? -1 : expected);
                }
                default -> assertThat(map.get(key)).isEqualTo(model.getOrDefault(key, -1));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (Map.Entry<Long, Integer> e : model.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
