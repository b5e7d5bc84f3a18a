package org.takeitdown.hasher.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.pdq.PdqHash;

class VpdqMatcherTest {
    private final Random random = new Random(7);

    private PdqHash randomHash() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return PdqHash.fromHex(b.toString());
    }

    /** The hash with its first {@code bits} bits flipped. */
    private static PdqHash flip(PdqHash h, int bits) {
        char[] hex = h.toHex().toCharArray();
        for (int k = 0; k < bits; k++) {
            int digit = 63 - k / 4;
            int v = Character.digit(hex[digit], 16) ^ (1 << (k % 4));
            hex[digit] = Character.forDigit(v, 16);
        }
        return PdqHash.fromHex(new String(hex));
    }

    private static VpdqFrame frame(int n, int quality, PdqHash h) {
        return new VpdqFrame(n, quality, h, n);
    }

    @Test
    void framesMatchBelowTheDistanceToleranceOnly() {
        PdqHash a = randomHash();
        List<VpdqFrame> query = List.of(frame(0, 100, a));
        assertThat(flip(a, 30).distance(a)).isEqualTo(30);
        assertThat(VpdqMatcher.compare(query, List.of(frame(0, 100, flip(a, 30)))).queryPercent()).isEqualTo(100);
        assertThat(VpdqMatcher.compare(query, List.of(frame(0, 100, flip(a, 31)))).queryPercent()).isEqualTo(0);
        assertThat(VpdqMatcher.compare(query, List.of(frame(0, 100, flip(a, 31))), 50, 32).queryPercent())
                .isEqualTo(100);
    }

    @Test
    void sharesAreCountedFromEachSide() {
        PdqHash a = randomHash();
        PdqHash b = randomHash();
        PdqHash c = randomHash();
        PdqHash d = randomHash();
        List<VpdqFrame> query = List.of(frame(0, 100, a), frame(1, 100, b));
        List<VpdqFrame> compared = List.of(frame(0, 100, flip(a, 3)), frame(1, 100, c), frame(2, 100, d),
                frame(3, 100, flip(a, 5)));
        VpdqMatch m = VpdqMatcher.compare(query, compared);
        assertThat(m.queryPercent()).isEqualTo(50);
        assertThat(m.comparedPercent()).isEqualTo(50);
        assertThat(m.isMatch(50, 50)).isTrue();
        assertThat(m.isMatch(80, 80)).isFalse();
    }

    @Test
    void lowQualityFramesAreLeftOutOnBothSides() {
        PdqHash a = randomHash();
        List<VpdqFrame> query = List.of(frame(0, 100, a), frame(1, 49, randomHash()));
        List<VpdqFrame> compared = List.of(frame(0, 50, a), frame(1, 10, randomHash()));
        VpdqMatch m = VpdqMatcher.compare(query, compared);
        assertThat(m.queryPercent()).isEqualTo(100);
        assertThat(m.comparedPercent()).isEqualTo(100);
        assertThat(VpdqMatcher.compare(query, compared, 0, 31).queryPercent()).isEqualTo(50);
    }

    @Test
    void nothingUsableOnOneSideIsNoMatch() {
        PdqHash a = randomHash();
        VpdqMatch m = VpdqMatcher.compare(List.of(frame(0, 100, a)), List.of(frame(0, 20, a)));
        assertThat(m.queryPercent()).isZero();
        assertThat(m.comparedPercent()).isZero();
        assertThat(VpdqMatcher.compare(List.of(), List.of()).isMatch(0.1, 0.1)).isFalse();
    }

    @Test
    void agreesWithACountWrittenOutLongHand() {
        for (int round = 0; round < 50; round++) {
            List<VpdqFrame> q = new ArrayList<>();
            List<VpdqFrame> c = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                q.add(frame(i, random.nextInt(101), randomHash()));
            }
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                VpdqFrame near = q.get(random.nextInt(q.size()));
                c.add(frame(i, random.nextInt(101), random.nextBoolean() ? flip(near.hash(), random.nextInt(60))
                        : randomHash()));
            }
            int usableQ = 0;
            int foundQ = 0;
            for (VpdqFrame f : q) {
                if (f.quality() < 50) {
                    continue;
                }
                usableQ++;
                boolean found = false;
                for (VpdqFrame g : c) {
                    found |= g.quality() >= 50 && f.hash().distance(g.hash()) <= 30;
                }
                foundQ += found ? 1 : 0;
            }
            boolean anyUsableC = c.stream().anyMatch(f -> f.quality() >= 50);
            double expected = usableQ == 0 || !anyUsableC ? 0 : 100.0 * foundQ / usableQ;
            assertThat(VpdqMatcher.compare(q, c).queryPercent()).isEqualTo(expected);
        }
    }
}
