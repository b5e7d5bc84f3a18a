package org.takeitdown.portal.platform.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.takeitdown.hasher.vpdq.VpdqFrame;

/**
 * vPDQ matching over the usable frames (quality at least the floor) of every active video: one
 * {@link MatchIndex} over all frame hashes, keyed {@code itemId * 4096 + frame}, finds the videos
 * that share a close frame with the query; each candidate is then compared exactly, both ways, as
 * Meta's brute-force matcher does. A video with no close frame scores 0 % both ways, so nothing
 * the index misses could have matched.
 *
 * <p>Queries may run from any number of threads; changes must come from one thread at a time.
 */
public final class VideoIndex {
    /** Frames per video in the frame index's keys; more than the 3,600 a video may carry. */
    static final int FRAME_SLOTS = 4096;
    /** Nearest frames read per query frame; a video result says truncated when one had more. */
    static final int FRAME_LIMIT = 1000;

    private final MatchIndex frames = new MatchIndex();
    private final Map<Long, long[]> byItem = new ConcurrentHashMap<>();

    /** A video's score against the query. */
    public record Score(long id, double queryPercent, double comparedPercent) {
    }

    /**
     * The videos reaching both thresholds, best first, whether more may exist (limits reached or the
     * allowance spent), the frame hashes compared (index candidates and exact comparisons), and
     * whether the allowance ran out.
     */
    public record Result(List<Score> matches, boolean truncated, long examined, boolean budgetSpent) {
    }

    /** Number of videos indexed. */
    public int videos() {
        return byItem.size();
    }

    /** Adds or replaces a video's usable frame hashes ({@code hashes[4k..4k+3]} for frame k). */
    public void put(long itemId, long[] hashes) {
        if (hashes.length / 4 > FRAME_SLOTS) {
            throw new IllegalArgumentException("at most " + FRAME_SLOTS + " frames a video");
        }
        remove(itemId);
        if (hashes.length == 0) {
            return;
        }
        for (int k = 0; k < hashes.length / 4; k++) {
            frames.put(itemId * FRAME_SLOTS + k, Arrays.copyOfRange(hashes, 4 * k, 4 * k + 4));
        }
        byItem.put(itemId, hashes.clone());
    }

    public void remove(long itemId) {
        long[] old = byItem.remove(itemId);
        if (old != null) {
            for (int k = 0; k < old.length / 4; k++) {
                frames.remove(itemId * FRAME_SLOTS + k);
            }
        }
    }

    /** Replaces the whole content at once: videos by id, each with its usable frame hashes. */
    public void load(Map<Long, long[]> videos) {
        int n = 0;
        for (long[] h : videos.values()) {
            n += h.length / 4;
        }
        long[] ids = new long[n];
        long[] hashes = new long[4 * n];
        int i = 0;
        for (Map.Entry<Long, long[]> e : videos.entrySet()) {
            long[] h = e.getValue();
            for (int k = 0; k < h.length / 4; k++) {
                ids[i] = e.getKey() * FRAME_SLOTS + k;
                System.arraycopy(h, 4 * k, hashes, 4 * i, 4);
                i++;
            }
        }
        frames.load(ids, hashes, n);
        byItem.clear();
        videos.forEach((id, h) -> {
            if (h.length > 0) {
                byItem.put(id, h.clone());
            }
        });
    }

    /**
     * The indexed videos whose shares reach both thresholds against {@code query} (usable frame
     * hashes, {@code query[4k..4k+3]}); frames match when strictly closer than
     * {@code distanceTolerance} bits. At most {@code limit} results.
     */
    public Result query(long[] query, int distanceTolerance, double queryThreshold, double comparedThreshold,
                        int limit) {
        return query(query, distanceTolerance, queryThreshold, comparedThreshold, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #query(long[], int, double, double, int)}, comparing at most {@code allowance} frame
     * hashes in all. The frame look-ups share half of it, each frame an equal part of what is left;
     * the exact comparisons get the rest, the videos sharing the most frames first. A video whose
     * comparison does not finish within what is left is left out and the result says truncated.
     */
    public Result query(long[] query, int distanceTolerance, double queryThreshold, double comparedThreshold,
                        int limit, long allowance) {
        int q = query.length / 4;
        if (q == 0) {
            return new Result(List.of(), false, 0, false);
        }
        Map<Long, Integer> hits = new HashMap<>();
        boolean truncated = false;
        boolean spent = false;
        long examined = 0;
        long lookups = allowance / 2;
        long[] one = new long[4];
        for (int k = 0; k < q; k++) {
            System.arraycopy(query, 4 * k, one, 0, 4);
            PdqQueryResult r = frames.query(one, distanceTolerance - 1, FRAME_LIMIT, (lookups - examined) / (q - k));
            truncated |= r.truncated();
            spent |= r.budgetSpent();
            examined += r.examined();
            Set<Long> videos = new HashSet<>();
            for (PdqMatch m : r.matches()) {
                videos.add(m.id() / FRAME_SLOTS);
            }
            for (Long video : videos) {
                hits.merge(video, 1, Integer::sum);
            }
        }
        List<Map.Entry<Long, Integer>> candidates = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : hits.entrySet()) {
            if (100.0 * e.getValue() / q >= queryThreshold && byItem.containsKey(e.getKey())) {
                candidates.add(e);
            }
        }
        candidates.sort((a, b) -> {
            int c = Integer.compare(b.getValue(), a.getValue());
            return c != 0 ? c : Long.compare(a.getKey(), b.getKey());
        });
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : candidates) {
            long[] compared = byItem.get(e.getKey());
            if (compared == null) {
                continue;
            }
            Found found = found(compared, query, distanceTolerance, allowance - examined);
            examined += found.compared();
            if (found.frames() < 0) {
                spent = true;
                continue;
            }
            double comparedPercent = 100.0 * found.frames() / (compared.length / 4);
            if (comparedPercent >= comparedThreshold) {
                scores.add(new Score(e.getKey(), 100.0 * e.getValue() / q, comparedPercent));
            }
        }
        scores.sort((a, b) -> {
            int c = Double.compare(Math.min(b.queryPercent(), b.comparedPercent()),
                    Math.min(a.queryPercent(), a.comparedPercent()));
            return c != 0 ? c : Long.compare(a.id(), b.id());
        });
        boolean cut = scores.size() > limit;
        return new Result(cut ? List.copyOf(scores.subList(0, limit)) : scores, truncated || spent || cut, examined,
                spent);
    }

    /** The hashes of the frames of at least {@code minQuality}, four longs a frame, in order. */
    public static long[] usable(List<VpdqFrame> frames, int minQuality) {
        long[] out = new long[4 * frames.size()];
        int n = 0;
        for (VpdqFrame f : frames) {
            if (f.quality() >= minQuality) {
                System.arraycopy(PdqWords.of(f.hash().words()), 0, out, 4 * n++, 4);
            }
        }
        return Arrays.copyOf(out, 4 * n);
    }

    /** How many frames of {@code from} have a frame of {@code in} closer than the tolerance. */
    static int countFound(long[] from, long[] in, int distanceTolerance) {
        return found(from, in, distanceTolerance, Long.MAX_VALUE).frames();
    }

    /** Frames of one video found in another (-1: not known within the cap), and the frame pairs compared. */
    private record Found(int frames, long compared) {
    }

    private static Found found(long[] from, long[] in, int distanceTolerance, long cap) {
        int found = 0;
        long compared = 0;
        for (int a = 0; a < from.length; a += 4) {
            for (int b = 0; b < in.length; b += 4) {
                if (compared == cap) {
                    return new Found(-1, compared);
                }
                compared++;
                if (PdqWords.distance(from, a, in, b) < distanceTolerance) {
                    found++;
                    break;
                }
            }
        }
        return new Found(found, compared);
    }
}
