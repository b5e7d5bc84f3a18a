package org.takeitdown.portal.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.takeitdown.hasher.hex.HexFormatException;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.portal.web.ApiProblemException;

/** Checks submitted vPDQ frames; every problem names the frame and what is wrong. */
public final class VpdqRules {
    /** Timestamps up to about 11.5 days: anything later is not a real frame time. */
    private static final double MAX_SECONDS = 1_000_000;

    private VpdqRules() {
    }

    /**
     * The frames as hasher frames numbered by position, hex lowercased, exact repeats of an earlier
     * frame's hash dropped (vPDQ's own pruning). Times must not go backwards.
     */
    public static List<VpdqFrame> check(List<CaseApi.Frame> frames, String where) {
        if (frames.isEmpty() || frames.size() > HashRules.VPDQ_MAX_FRAMES) {
            throw ApiProblemException.badRequest(where + " must hold 1 to " + HashRules.VPDQ_MAX_FRAMES + " frames; it holds "
                    + frames.size() + ".");
        }
        List<VpdqFrame> out = new ArrayList<>(frames.size());
        Set<PdqHash> seen = new HashSet<>();
        double last = 0;
        for (int i = 0; i < frames.size(); i++) {
            CaseApi.Frame f = frames.get(i);
            String at = where + "[" + i + "]";
            if (f == null || f.t() == null || f.pdq() == null || f.q() == null) {
                throw ApiProblemException.badRequest(at + " needs \"t\" (seconds), \"pdq\" (64 hex digits) and \"q\" (0 to 100).");
            }
            double t = f.t();
            if (!(t >= 0 && t <= MAX_SECONDS)) {
                throw ApiProblemException.badRequest(at + ".t must be a number of seconds from 0 to " + (long) MAX_SECONDS + ".");
            }
            if (t < last) {
                throw ApiProblemException.badRequest(at + ".t is earlier than the frame before it; send frames in time order.");
            }
            last = t;
            if (f.q() < 0 || f.q() > 100) {
                throw ApiProblemException.badRequest(at + ".q must be 0 to 100.");
            }
            PdqHash hash;
            try {
                hash = PdqHash.fromHex(f.pdq());
            } catch (HexFormatException e) {
                throw ApiProblemException.badRequest(at + ".pdq must be exactly 64 hex digits.");
            }
            if (seen.add(hash)) {
                out.add(new VpdqFrame(out.size(), f.q(), hash, Math.round(t * 1000) / 1000.0));
            }
        }
        return out;
    }
}
