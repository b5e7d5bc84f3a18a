package org.takeitdown.hasher.rules;

/**
 * The hashing rules the browser and the server share, written once. The portal's Java uses these
 * constants; the browser gets them from this module ({@code rules()} in {@code /js/hasher.js}, for the
 * worker) or from the hashing page, which renders them from here (for the page's own script).
 */
public final class HashRules {
    /**
     * PDQ quality (0..100) below which a hash is too featureless to match on: such an image is sent
     * without its PDQ (MD5 only), and the server neither indexes, matches nor exchanges a PDQ or a vPDQ
     * frame below it. Meta's cut-off: python-threatexchange's PDQ signal
     * ({@code threatexchange/signal_type/pdq/signal.py}, {@code QUALITY_THRESHOLD = 50}: "Images with
     * less than quality 50 are too unreliable to match on") and the vPDQ reference's default quality
     * tolerance (ThreatExchange {@code vpdq}, 50).
     */
    public static final int PDQ_MIN_QUALITY = 50;

    /**
     * The most vPDQ frames one video may have: vPDQ hashes one frame a second ({@code vpdq.SecondSampler}),
     * and the portal hashes at most the first hour of a video (3,600 seconds). The browser stops
     * sampling there (and tells the teen the rest is matched as an exact copy only); the server
     * refuses a video item or a match query with more frames. The portal's own choice, not Meta's:
     * an hour covers nearly every clip, and an hour's frames fit one request to the portal.
     */
    public static final int VPDQ_MAX_FRAMES = 3600;

    private HashRules() {
    }
}
