package org.takeitdown.portal.platform.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The static index with the wide chunks used for large sets (19-20 bits, straddling words) equals brute force. */
class StaticPdqIndexTest {
    @Test
    void chunkWidthsCoverAll256BitsAndGrowWithTheIndex() {
        for (int n : new int[] {0, 1, 1000, 300_000, 1_000_000, 10_000_000, 100_000_000}) {
            int[] w = StaticPdqIndex.widthsFor(n);
            assertThat(java.util.Arrays.stream(w).sum()).isEqualTo(256);
            assertThat(java.util.Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(16);
            assertThat(java.util.Arrays.stream(w).max().orElseThrow()).isLessThanOrEqualTo(24);
        }
        assertThat(StaticPdqIndex.widthsFor(10_000_000)).contains(24, 23);
    }

    @Test
    void answersExactlyAsBruteForceOnAQuarterMillionHashes() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 250_000;
        long[] ids = new long[n];
        long[] h = new long[4 * n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000L + i;
            boolean nearDuplicate = i > 1000 && i % 10 == 0;
            for (int k = 0; k < 4; k++) {
                h[4 * i + k] = nearDuplicate ? h[4 * (i - 7) + k] : r.nextLong();
            }
            if (nearDuplicate) {
                for (int b = 0, bits = 8 + r.nextInt(17); b < bits; b++) {
                    int p = r.nextInt(256);
                    h[4 * i + (p >>> 6)] ^= 1L << (p & 63);
                }
            }
        }
        StaticPdqIndex index = new StaticPdqIndex(ids, h, n);
        for (int slot = 0; slot < n; slot += 97) {
            index.kill(slot);
        }
        for (int t = 0; t < 12; t++) {
            long[] q = new long[4];
            int src = r.nextInt(n);
            for (int k = 0; k < 4; k++) {
                q[k] = t % 3 == 0 ? r.nextLong() : h[4 * src + k];
            }
            for (int b = 0, bits = r.nextInt(30); b < bits; b++) {
                int p = r.nextInt(256);
                q[p >>> 6] ^= 1L << (p & 63);
            }
            for (int d : new int[] {0, 5, 16, 24, 31, 32, 40, 48, 64}) {
                List<PdqMatch> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int dist = PdqWords.distance(h, 4 * i, q, 0);
                    if (dist <= d && i % 97 != 0) {
                        expected.add(new PdqMatch(ids[i], dist));
                    }
                }
                List<PdqMatch> got = new ArrayList<>(index.query(q, d));
                Collections.sort(got);
                Collections.sort(expected);
                assertThat(got).as("query %d at distance %d", t, d).isEqualTo(expected);
            }
        }
    }
}
