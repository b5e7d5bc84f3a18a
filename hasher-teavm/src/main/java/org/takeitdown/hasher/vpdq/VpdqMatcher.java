package org.takeitdown.hasher.vpdq;

import java.util.ArrayList;
import java.util.List;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.rules.HashRules;

/**
 * Meta's brute-force vPDQ comparison: drop frames below the quality tolerance on both sides, then
 * count the query frames that have some compared frame at a Hamming distance below the distance
 * tolerance, and the compared frames likewise; either side empty after filtering gives 0 %.
 * The defaults are the reference's: quality 50, distance 31 (a frame matches at 30 bits or fewer),
 * and a video match when both shares reach 80 %.
 */
public final class VpdqMatcher {
    /** Frames of lower PDQ quality are left out (Meta's PDQ quality floor, {@link HashRules#PDQ_MIN_QUALITY}). */
    public static final int DEFAULT_QUALITY_TOLERANCE = HashRules.PDQ_MIN_QUALITY;
    /** Frames match when their distance is strictly below this (the reference's {@code <}). */
    public static final int DEFAULT_DISTANCE_TOLERANCE = 31;
    /** Both shares must reach this many percent for a video match. */
    public static final double DEFAULT_MATCH_PERCENT = 80;

    private VpdqMatcher() {
    }

    /** Compares with the reference's default tolerances. */
    public static VpdqMatch compare(List<VpdqFrame> query, List<VpdqFrame> compared) {
        return compare(query, compared, DEFAULT_QUALITY_TOLERANCE, DEFAULT_DISTANCE_TOLERANCE);
    }

    public static VpdqMatch compare(List<VpdqFrame> query, List<VpdqFrame> compared,
                                    int qualityTolerance, int distanceTolerance) {
        List<PdqHash> q = usable(query, qualityTolerance);
        List<PdqHash> c = usable(compared, qualityTolerance);
        if (q.isEmpty() || c.isEmpty()) {
            return new VpdqMatch(0, 0);
        }
        return new VpdqMatch(100.0 * countFound(q, c, distanceTolerance) / q.size(),
                100.0 * countFound(c, q, distanceTolerance) / c.size());
    }

    /** The hashes of the frames with at least the given quality. */
    public static List<PdqHash> usable(List<VpdqFrame> frames, int qualityTolerance) {
        List<PdqHash> out = new ArrayList<>(frames.size());
        for (VpdqFrame f : frames) {
            if (f.quality() >= qualityTolerance) {
                out.add(f.hash());
            }
        }
        return out;
    }

    private static int countFound(List<PdqHash> from, List<PdqHash> in, int distanceTolerance) {
        int found = 0;
        for (PdqHash a : from) {
            for (PdqHash b : in) {
                if (a.distance(b) < distanceTolerance) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }
}
