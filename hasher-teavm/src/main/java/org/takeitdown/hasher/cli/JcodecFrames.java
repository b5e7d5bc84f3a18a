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
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/**
 * Decodes MP4/H.264 with JCodec, in pure Java. JCodec hands frames over in decoding order, so a
 * small window sorted by timestamp restores presentation order (H.264 reorders at most 16 frames).
 * Only the frames the builder wants are converted to RGB.
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
            builder.hash(rgb(yuv), width, height, 3);
        }
    }

    /** The cropped picture as RGB bytes; JCodec keeps samples as signed bytes offset by 128. */
    private static byte[] rgb(Picture yuv) {
        Picture rgb = Picture.create(yuv.getWidth(), yuv.getHeight(), ColorSpace.RGB);
        Transform transform = ColorUtil.getTransform(yuv.getColor(), ColorSpace.RGB);
        transform.transform(yuv, rgb);
        byte[] plane = rgb.getPlaneData(0);
        int fullWidth = rgb.getWidth();
        int x0 = yuv.getCrop() == null ? 0 : yuv.getCrop().getX();
        int y0 = yuv.getCrop() == null ? 0 : yuv.getCrop().getY();
        int width = yuv.getCroppedWidth();
        int height = yuv.getCroppedHeight();
        byte[] out = new byte[width * height * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            int i = ((y0 + y) * fullWidth + x0) * 3;
            for (int x = 0; x < width * 3; x++) {
                out[o++] = (byte) (plane[i + x] + 128);
            }
        }
        return out;
    }
}
