package org.takeitdown.hasher.vpdq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;

/**
 * Builds a video's vPDQ hash from its decoded frames, offered in presentation order: samples one
 * frame a second ({@link SecondSampler}), hashes it with PDQ and drops a frame whose hash equals an
 * earlier frame's exactly (the reference's only pruning). Decoders ask {@link #wants} first so they
 * convert only the frames that will be hashed.
 */
public final class VpdqBuilder {
    private final SecondSampler sampler = new SecondSampler();
    private final Set<PdqHash> seen = new HashSet<>();
    private final List<VpdqFrame> frames = new ArrayList<>();
    private int nextFrameNumber;
    private boolean pending;
    private int pendingNumber;
    private double pendingTimestamp;

    /**
     * Announces the next decoded frame (presentation order) and returns whether its pixels are
     * wanted; if so, {@link #hash} must be called next.
     */
    public boolean wants(double timestampSeconds) {
        if (pending) {
            throw new IllegalStateException("the previous frame was wanted but not hashed");
        }
        int frameNumber = nextFrameNumber++;
        if (!sampler.take(timestampSeconds)) {
            return false;
        }
        pending = true;
        pendingTimestamp = timestampSeconds;
        pendingNumber = frameNumber;
        return true;
    }

    /** Hashes the wanted frame's pixels ({@code channels} bytes a pixel, row-major from the top left). */
    public void hash(byte[] pixels, int width, int height, int channels) {
        hashPending(() -> PdqHasher.hash(pixels, width, height, channels));
    }

    /** As {@link #hash} for RGBA pixels given as little-endian words ({@link PdqHasher#hashRgbaWords}). */
    public void hashRgbaWords(int[] words, int width, int height) {
        hashPending(() -> PdqHasher.hashRgbaWords(words, width, height));
    }

    /** Ends the wait for the wanted frame, then hashes it with {@code pdq} and adds it. */
    private void hashPending(Supplier<PdqResult> pdq) {
        if (!pending) {
            throw new IllegalStateException("no frame is waiting to be hashed; call wants() first");
        }
        pending = false;
        add(pendingNumber, pdq.get(), pendingTimestamp);
    }

    /** Adds a frame hashed elsewhere (by a caller that sampled it itself). */
    public void add(int frameNumber, PdqResult pdq, double timestampSeconds) {
        if (seen.add(pdq.hash())) {
            frames.add(new VpdqFrame(frameNumber, pdq.quality(), pdq.hash(), Math.max(0, timestampSeconds)));
        }
    }

    /** Frames decoded so far, sampled or not. */
    public int framesSeen() {
        return nextFrameNumber;
    }

    /** The hash so far: the kept frames in presentation order. */
    public List<VpdqFrame> frames() {
        return Collections.unmodifiableList(new ArrayList<>(frames));
    }
}
