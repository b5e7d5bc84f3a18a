package org.takeitdown.hasher.pdq;

/**
 * A PDQ hash with its quality (0..100); below {@code rules.HashRules.PDQ_MIN_QUALITY} Meta advises not
 * to match on it.
 */
public final class PdqResult {
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
