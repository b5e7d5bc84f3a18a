package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.takeitdown.hasher.hex.Hex;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.hasher.rules.MediaFormat;
import org.takeitdown.hasher.rules.MediaKind;
import org.takeitdown.hasher.rules.MediaSniffer;
import org.takeitdown.hasher.vpdq.VpdqBuilder;
import org.takeitdown.hasher.vpdq.VpdqFrame;

/**
 * Hashes one file as the portal's browser flow does: MD5 of the bytes always, and for images
 * (recognised by their first bytes) PDQ and quality of the decoded, upright, unmanaged pixels.
 * Non-image files are streamed, so their size does not matter. Videos get vPDQ when a frame
 * source is given. An image that cannot be decoded (corrupt, crafted, or declaring more pixels
 * than the bound) still gets its MD5, with the reason in {@link Result#problem}.
 *
 * <p>On the JVM MD5 is the JDK's {@code MessageDigest} (intrinsics make it faster than our
 * portable {@code Md5}, which exists for TeaVM); both give the same digest.
 */
public final class FileHasher {
    /** Images larger than this are not read into memory for decoding. */
    static final long MAX_IMAGE_BYTES = 512L * 1024 * 1024;
    private static final int CHUNK = 1 << 20;

    private FileHasher() {
    }

    /**
     * The hashes of one file; {@code pdq} is null for files that are not images and for images that
     * could not be decoded ({@code problem} then says why), {@code vpdq} null unless the file is a
     * video hashed with a frame source.
     */
    public static final class Result {
        public final String md5;
        public final PdqResult pdq;
        public final MediaFormat kind;
        public final List<VpdqFrame> vpdq;
        public final String problem;

        Result(String md5, PdqResult pdq, MediaFormat kind, List<VpdqFrame> vpdq, String problem) {
            this.md5 = md5;
            this.pdq = pdq;
            this.kind = kind;
            this.vpdq = vpdq;
            this.problem = problem;
        }
    }

    /** MD5, and PDQ for an image, with the default pixel bound and WebP decoder. */
    public static Result hash(Path file) throws IOException {
        try {
            return hash(file, null, defaultImages());
        } catch (VideoDecodeException e) {
            throw new IllegalStateException("no video decoding was asked for", e);
        }
    }

    /**
     * As {@link #hash(Path)}, and for a video its vPDQ, decoded with {@code decoder}: {@code auto}
     * (ffmpeg when installed, else JCodec), {@code ffmpeg} or {@code jcodec}.
     */
    public static Result hashWithVideo(Path file, String decoder) throws IOException, VideoDecodeException {
        return hash(file, VideoFrameSource.choose(decoder), defaultImages());
    }

    private static ImageDecoder defaultImages() {
        return new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.Webp.AUTO);
    }

    /** As {@link #hash(Path)} with {@code images} decoding, and a video's vPDQ from {@code video} when it is not null. */
    static Result hash(Path file, VideoFrameSource video, ImageDecoder images) throws IOException, VideoDecodeException {
        byte[] head = new byte[MediaSniffer.HEAD_BYTES];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        MediaFormat kind = MediaSniffer.sniff(head, headLength);
        boolean isImage = kind.kind() == MediaKind.IMAGE;
        if (isImage && Files.size(file) <= MAX_IMAGE_BYTES) {
            byte[] bytes = Files.readAllBytes(file);
            MessageDigest md5 = md5();
            md5.update(bytes);
            String md5Hex = Hex.format(md5.digest());
            try {
                DecodedImage image = images.read(bytes);
                PdqResult pdq = PdqHasher.hash(image.rgba(), image.width(), image.height(), 4);
                return new Result(md5Hex, pdq, kind, null, null);
            } catch (ImageDecodeException e) {
                return new Result(md5Hex, null, kind, null, e.getMessage());
            } catch (OutOfMemoryError e) {
                return new Result(md5Hex, null, kind, null, "image too large for the memory available (try java -Xmx4g)");
            }
        }
        String md5 = streamMd5(file);
        if (kind.kind() == MediaKind.VIDEO && video != null) {
            VpdqBuilder builder = new VpdqBuilder();
            video.decode(file, builder);
            return new Result(md5, null, kind, builder.frames(), null);
        }
        String problem = isImage ? "not decoded: larger than " + MAX_IMAGE_BYTES + " bytes" : null;
        return new Result(md5, null, kind, null, problem);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5 (Java SE MessageDigest requirements)", e);
        }
    }

    private static String streamMd5(Path file) throws IOException {
        MessageDigest md5 = md5();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return Hex.format(md5.digest());
    }
}
