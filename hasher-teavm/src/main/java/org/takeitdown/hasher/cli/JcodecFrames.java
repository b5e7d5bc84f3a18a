package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.takeitdown.hasher.video.FrameConverter;
import org.takeitdown.hasher.video.PixelFormat;
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/**
 * Decodes MP4/H.264 with JCodec, in pure Java. JCodec hands frames over in decoding order, so a
 * small window sorted by timestamp restores presentation order (H.264 reorders at most 16 frames).
 * Only the frames the builder wants are converted to RGB, by the shared {@link FrameConverter}.
 */
final class JcodecFrames implements VideoFrameSource {
    /** H.264's largest reorder depth (max_num_reorder_frames is at most 16). */
    private static final int REORDER_WINDOW = 16;

    @Override
    public String name() {
        return "jcodec";
    }

    @Override
    public void decode(Path file, VpdqBuilder builder) throws IOException, VideoDecodeException {
        PriorityQueue<PictureWithMetadata> window =
                new PriorityQueue<>(Comparator.comparingDouble(PictureWithMetadata::getTimestamp));
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab;
            try {
                grab = FrameGrab.createFrameGrab(channel);
            } catch (JCodecException | RuntimeException e) {
                throw new VideoDecodeException("JCodec cannot read this video (it reads MP4 with H.264): "
                        + e.getMessage());
            }
            PictureWithMetadata frame;
            while ((frame = next(grab)) != null) {
                window.add(PictureWithMetadata.createPictureWithMetadata(
                        deepCopy(frame.getPicture()), frame.getTimestamp(), frame.getDuration()));
                if (window.size() > REORDER_WINDOW) {
                    offer(window.poll(), builder);
                }
            }
            while (!window.isEmpty()) {
                offer(window.poll(), builder);
            }
        }
    }

    /** The decoder reuses its buffers (and {@code Picture.copyPicture} shares them), so copy the samples. */
    private static Picture deepCopy(Picture picture) {
        Picture copy = picture.createCompatible();
        copy.copyFrom(picture);
        copy.setCrop(picture.getCrop());
        return copy;
    }

    private static PictureWithMetadata next(FrameGrab grab) throws VideoDecodeException, IOException {
        try {
            return grab.getNativeFrameWithMetadata();
        } catch (RuntimeException e) {
            throw new VideoDecodeException("JCodec cannot decode this video: " + e);
        }
    }

    private static void offer(PictureWithMetadata frame, VpdqBuilder builder) {
        if (builder.wants(frame.getTimestamp())) {
            Picture yuv = frame.getPicture();
            int width = yuv.getCroppedWidth();
            int height = yuv.getCroppedHeight();
            builder.hashRgbaWords(rgba(yuv), width, height);
        }
    }

    /**
     * The cropped picture as RGBA words, converted by the shared {@link FrameConverter} like ffmpeg's
     * frames. JCodec keeps 4:2:0 samples as signed bytes offset by 128 in three planes; they are shifted
     * back into one buffer. Limited range: JCodec does not report H.264's full-range flag.
     */
    private static int[] rgba(Picture yuv) {
        if (yuv.getColor() != ColorSpace.YUV420 && yuv.getColor() != ColorSpace.YUV420J) {
            throw new IllegalStateException("JCodec gave " + yuv.getColor() + ", expected 4:2:0");
        }
        int x0 = yuv.getCrop() == null ? 0 : yuv.getCrop().getX();
        int y0 = yuv.getCrop() == null ? 0 : yuv.getCrop().getY();
        int[] offsets = new int[3];
        int[] strides = new int[3];
        int size = 0;
        for (int p = 0; p < 3; p++) {
            offsets[p] = size;
            strides[p] = yuv.getPlaneWidth(p);
            size += yuv.getPlaneData(p).length;
        }
        byte[] data = new byte[size];
        for (int p = 0; p < 3; p++) {
            byte[] plane = yuv.getPlaneData(p);
            for (int i = 0; i < plane.length; i++) {
                data[offsets[p] + i] = (byte) (plane[i] + 128);
            }
        }
        offsets[0] += y0 * strides[0] + x0;
        offsets[1] += (y0 >> 1) * strides[1] + (x0 >> 1);
        offsets[2] += (y0 >> 1) * strides[2] + (x0 >> 1);
        return FrameConverter.toRgbaWords(data, PixelFormat.I420, yuv.getCroppedWidth(), yuv.getCroppedHeight(),
                offsets, strides, false, null);
    }
}
