package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/** Decodes a video file's frames in presentation order into a {@link VpdqBuilder}. */
interface VideoFrameSource {
    /** A short name for messages and output: {@code ffmpeg} or {@code jcodec}. */
    String name();

    void decode(Path file, VpdqBuilder builder) throws IOException, VideoDecodeException;

    /** ffmpeg when it is on the PATH, otherwise JCodec. */
    static VideoFrameSource choose(String preference) {
        switch (preference) {
            case "ffmpeg": return new FfmpegFrames();
            case "jcodec": return new JcodecFrames();
            case "auto": return FfmpegFrames.available() ? new FfmpegFrames() : new JcodecFrames();
            default: throw new IllegalArgumentException("decoder must be auto, ffmpeg or jcodec, got " + preference);
        }
    }
}
