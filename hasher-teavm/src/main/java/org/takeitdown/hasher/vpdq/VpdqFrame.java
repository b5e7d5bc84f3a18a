package org.takeitdown.hasher.vpdq;

import org.takeitdown.hasher.pdq.PdqHash;

/**
 * One sampled video frame of a vPDQ hash: its index among the decoded frames (presentation
 * order, from 0), PDQ quality (0..100), PDQ hash and presentation time in seconds.
 */
public final class VpdqFrame {
    private final int frameNumber;
    private final int quality;
    private final PdqHash hash;
    private final double timestampSeconds;

    public VpdqFrame(int frameNumber, int quality, PdqHash hash, double timestampSeconds) {
        if (frameNumber < 0) {
            throw new IllegalArgumentException("frame number must not be negative, got " + frameNumber);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100, got " + quality);
        }
        if (hash == null) {
            throw new IllegalArgumentException("a frame needs a PDQ hash");
        }
        if (!(timestampSeconds >= 0) || Double.isInfinite(timestampSeconds)) {
            throw new IllegalArgumentException("timestamp must be a finite number of seconds >= 0, got "
                    + timestampSeconds);
        }
        this.frameNumber = frameNumber;
        this.quality = quality;
        this.hash = hash;
        this.timestampSeconds = timestampSeconds;
    }

    public int frameNumber() {
        return frameNumber;
    }

    public int quality() {
        return quality;
    }

    public PdqHash hash() {
        return hash;
    }

    public double timestampSeconds() {
        return timestampSeconds;
    }

    @Override
    public String toString() {
        return VpdqText.formatLine(this);
    }
}
