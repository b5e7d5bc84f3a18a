package org.takeitdown.hasher.pdq;

/** A PDQ hash with its quality (0..100); below 50 the reference advises not to match on it. */
public final class PdqResult {
    /** Quality below which a hash is too featureless to match on (Meta's recommendation). */
    public static final int MIN_USEFUL_QUALITY = 50;

    private final PdqHash hash;
    private final int quality;

    public PdqResult(PdqHash hash, int quality) {
        this.hash = hash;
        this.quality = quality;
    }

    public PdqHash hash() {
        return hash;
    }

    public int quality() {
        return quality;
    }

    @Override
    public String toString() {
        return hash.toHex() + " q=" + quality;
    }
}
