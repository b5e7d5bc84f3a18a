package org.takeitdown.hasher.vpdq;

/**
 * Chooses the frames vPDQ hashes at one frame a second: for each whole second k of media time,
 * the first frame in presentation order whose timestamp is at least k seconds (Meta's vPDQ
 * reference samples this way when asked for one hash per second). A frame is chosen at most once:
 * after a gap in the video, one frame stands for every second the gap covered.
 */
public final class SecondSampler {
    /** Timestamps below this are the same second: float rounding of 1/3 s steps stays far below it. */
    private static final double EPSILON = 1e-6;

    private double next;

    /** Offers the next frame's presentation time; true when it is to be hashed. */
    public boolean take(double timestampSeconds) {
        if (Double.isNaN(timestampSeconds) || timestampSeconds + EPSILON < next) {
            return false;
        }
        next = Math.floor(timestampSeconds + EPSILON) + 1;
        return true;
    }
}
