package org.takeitdown.portal.platform.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The video index against brute force over every stored video, through puts, removals and a reload. */
class VideoIndexTest {
    private final Random random = new Random(11);

    private long[] randomVideo(int frames) {
        long[] h = new long[4 * frames];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextLong();
        }
        return h;
    }

    /** A copy with each frame's bits flipped at random, {@code bits} each, and some frames replaced. */
    private long[] edit(long[] video, int bits, double replaced) {
        long[] h = video.clone();
        for (int k = 0; k < h.length / 4; k++) {
            if (random.nextDouble() < replaced) {
                for (int w = 0; w < 4; w++) {
                    h[4 * k + w] = random.nextLong();
                }
                continue;
            }
            for (int b = 0; b < bits; b++) {
                int bit = random.nextInt(256);
                h[4 * k + bit / 64] ^= 1L << (bit % 64);
            }
        }
        return h;
    }

    private static List<VideoIndex.Score> brute(Map<Long, long[]> stored, long[] query, int tolerance, double qt, double ct) {
        List<VideoIndex.Score> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : stored.entrySet()) {
            double q = 100.0 * VideoIndex.countFound(query, e.getValue(), tolerance) / (query.length / 4);
            double c = 100.0 * VideoIndex.countFound(e.getValue(), query, tolerance) / (e.getValue().length / 4);
            if (q >= qt && c >= ct) {
                out.add(new VideoIndex.Score(e.getKey(), q, c));
            }
        }
        out.sort((a, b) -> {
            int x = Double.compare(Math.min(b.queryPercent(), b.comparedPercent()), Math.min(a.queryPercent(), a.comparedPercent()));
            return x != 0 ? x : Long.compare(a.id(), b.id());
        });
        return out;
    }

    @Test
    void answersEqualBruteForceThroughChangesAndAReload() {
        VideoIndex index = new VideoIndex();
        Map<Long, long[]> stored = new HashMap<>();
        List<long[]> originals = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            long[] v;
            if (id > 20 && random.nextInt(3) == 0) {
                v = edit(originals.get(random.nextInt(originals.size())), random.nextInt(40), random.nextDouble() * 0.5);
            } else {
                v = randomVideo(1 + random.nextInt(60));
            }
            originals.add(v);
            stored.put(id, v);
            index.put(id, v);
        }
        for (int round = 0; round < 300; round++) {
            if (round == 150) {
                index.load(new HashMap<>(stored));
            }
            if (random.nextInt(5) == 0) {
                long id = 1 + random.nextInt(140);
                if (random.nextBoolean()) {
                    stored.remove(id);
                    index.remove(id);
                } else {
                    long[] v = edit(originals.get(random.nextInt(originals.size())), random.nextInt(30), 0.2);
                    stored.put(id, v);
                    index.put(id, v);
                }
            }
            long[] query = edit(originals.get(random.nextInt(originals.size())), random.nextInt(45), random.nextDouble() * 0.6);
            int tolerance = 1 + random.nextInt(60);
            double qt = 1 + random.nextInt(100);
            double ct = 1 + random.nextInt(100);
            VideoIndex.Result r = index.query(query, tolerance, qt, ct, 1000);
            assertThat(r.truncated()).isFalse();
            assertThat(r.matches()).as("round %d", round).isEqualTo(brute(stored, query, tolerance, qt, ct));
        }
        assertThat(index.videos()).isEqualTo(stored.size());
    }

    @Test
    void anEmptyQueryOrIndexMatchesNothing() {
        VideoIndex index = new VideoIndex();
        assertThat(index.query(new long[0], 31, 80, 80, 10).matches()).isEmpty();
        assertThat(index.query(randomVideo(3), 31, 80, 80, 10).matches()).isEmpty();
        index.put(1, new long[0]);
        assertThat(index.videos()).isZero();
    }

    @Test
    void limitCutsTheListAndSaysSo() {
        VideoIndex index = new VideoIndex();
        long[] v = randomVideo(5);
        for (long id = 1; id <= 5; id++) {
            index.put(id, v);
        }
        VideoIndex.Result r = index.query(v, 31, 80, 80, 3);
        assertThat(r.matches()).extracting(VideoIndex.Score::id).containsExactly(1L, 2L, 3L);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void usableKeepsFramesOfEnoughQualityAsTheirHexWords() {
        String a = "a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05";
        String b = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        List<org.takeitdown.hasher.vpdq.VpdqFrame> frames = List.of(
                new org.takeitdown.hasher.vpdq.VpdqFrame(0, 90, org.takeitdown.hasher.pdq.PdqHash.fromHex(a), 0),
                new org.takeitdown.hasher.vpdq.VpdqFrame(1, 49, org.takeitdown.hasher.pdq.PdqHash.fromHex(b), 1),
                new org.takeitdown.hasher.vpdq.VpdqFrame(2, 50, org.takeitdown.hasher.pdq.PdqHash.fromHex(b), 2));
        long[] expected = new long[8];
        System.arraycopy(PdqWords.parse(a), 0, expected, 0, 4);
        System.arraycopy(PdqWords.parse(b), 0, expected, 4, 4);
        assertThat(VideoIndex.usable(frames, 50)).containsExactly(expected);
    }
}
