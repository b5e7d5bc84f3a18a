package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.takeitdown.hasher.md5.Md5;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.hasher.vpdq.VpdqBuilder;
import org.takeitdown.hasher.vpdq.VpdqFrame;

/**
 * Hashes one file as the portal's browser flow does: MD5 of the bytes always, and for images
 * (recognised by their first bytes) PDQ and quality of the decoded, upright, unmanaged pixels.
 * Non-image files are streamed, so their size does not matter. Videos get vPDQ when a frame
 * source is given.
 */
public final class FileHasher {
    /** Images larger than this are not read into memory for decoding. */
    static final long MAX_IMAGE_BYTES = 512L * 1024 * 1024;
    private static final int CHUNK = 1 << 20;

    private FileHasher() {
    }

    /**
     * The hashes of one file; {@code pdq} is null for files that are not images, {@code vpdq} null
     * unless the file is a video hashed with a frame source.
     */
    public static final class Result {
        public final String md5;
        public final PdqResult pdq;
        public final FileKind kind;
        public final List<VpdqFrame> vpdq;

        Result(String md5, PdqResult pdq, FileKind kind, List<VpdqFrame> vpdq) {
            this.md5 = md5;
            this.pdq = pdq;
            this.kind = kind;
            this.vpdq = vpdq;
        }
    }

    public static Result hash(Path file) throws IOException, ImageDecodeException {
        try {
            return hash(file, null);
        } catch (VideoDecodeException e) {
            throw new IllegalStateException("no video decoding was asked for", e);
        }
    }

    /**
     * As {@link #hash(Path)}, and for a video its vPDQ, decoded with {@code decoder}: {@code auto}
     * (ffmpeg when installed, else JCodec), {@code ffmpeg} or {@code jcodec}.
     */
    public static Result hashWithVideo(Path file, String decoder)
            throws IOException, ImageDecodeException, VideoDecodeException {
        return hash(file, VideoFrameSource.choose(decoder));
    }

    /** As {@link #hash(Path)}, and a video's vPDQ from {@code video} when it is not null. */
    static Result hash(Path file, VideoFrameSource video)
            throws IOException, ImageDecodeException, VideoDecodeException {
        byte[] head = new byte[FileKind.HEAD_BYTES];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        FileKind kind = FileKind.sniff(head, headLength);
        if (kind.isImage() && Files.size(file) <= MAX_IMAGE_BYTES) {
            byte[] bytes = Files.readAllBytes(file);
            String md5 = Md5.hex(bytes);
            DecodedImage image = ImageDecoder.decode(bytes);
            PdqResult pdq = PdqHasher.hash(image.rgba(), image.width(), image.height(), 4);
            return new Result(md5, pdq, kind, null);
        }
        String md5 = streamMd5(file);
        if (kind == FileKind.VIDEO && video != null) {
            VpdqBuilder builder = new VpdqBuilder();
            video.decode(file, builder);
            return new Result(md5, null, kind, builder.frames());
        }
        return new Result(md5, null, kind, null);
    }

    private static String streamMd5(Path file) throws IOException {
        Md5 md5 = new Md5();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return md5.finishHex();
    }
}
