package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;

/**
 * Command line: {@code java -jar hasher.jar [--json] [--recursive] [--video] PATH...}. Prints, per
 * file, path, MD5, PDQ and quality (TSV with a header line, or one JSON object a line with
 * {@code --json}); with {@code --video}, videos also get vPDQ frames. Problems go to stderr, one
 * line a file; the exit status is 1 if there was any. An image that cannot be decoded, or whose
 * header declares more than {@code --max-pixels}, still gets its MD5 row (no PDQ) and a message.
 */
public final class HasherCli {
    private final PrintStream out;
    private final PrintStream err;
    private boolean json;
    private boolean recursive;
    private boolean failed;
    private VideoFrameSource video;
    private boolean videoAsked;
    private String decoder = "auto";
    private Path vpdqDir;
    private long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    private ImageDecoder.Webp webp = ImageDecoder.Webp.AUTO;
    private ImageDecoder images;

    HasherCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new HasherCli(System.out, System.err).run(args));
    }

    /**
     * Runs the command and returns its exit status: 0 all well, 1 a file failed (unreadable, or an
     * image hashed with MD5 only because it was not decoded), 2 bad usage.
     */
    int run(String[] args) {
        List<String> paths = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--json": json = true; break;
                case "--recursive": case "-r": recursive = true; break;
                case "--video": videoAsked = true; break;
                case "--help": case "-h": usage(out); return 0;
                default:
                    if (a.startsWith("--decoder=")) {
                        decoder = a.substring("--decoder=".length());
                        videoAsked = true;
                    } else if (a.startsWith("--vpdq-out=")) {
                        vpdqDir = Paths.get(a.substring("--vpdq-out=".length()));
                        videoAsked = true;
                    } else if (a.startsWith("--max-pixels=")) {
                        Long n = positiveLong(a.substring("--max-pixels=".length()));
                        if (n == null) {
                            err.println("hasher: --max-pixels must be a whole number of pixels, at least 1");
                            return 2;
                        }
                        maxPixels = n;
                    } else if (a.startsWith("--webp-decoder=")) {
                        String name = a.substring("--webp-decoder=".length());
                        if (!name.matches("auto|dwebp|java")) {
                            err.println("hasher: --webp-decoder must be auto, dwebp or java");
                            return 2;
                        }
                        webp = ImageDecoder.Webp.valueOf(name.toUpperCase(Locale.ROOT));
                    } else if (a.startsWith("-") && !a.equals("-")) {
                        err.println("hasher: unknown option " + a);
                        usage(err);
                        return 2;
                    } else {
                        paths.add(a);
                    }
            }
        }
        if (paths.isEmpty()) {
            usage(err);
            return 2;
        }
        images = new ImageDecoder(maxPixels, webp);
        if (videoAsked) {
            try {
                video = VideoFrameSource.choose(decoder);
            } catch (IllegalArgumentException e) {
                err.println("hasher: " + e.getMessage());
                return 2;
            }
            if (vpdqDir != null && !Files.isDirectory(vpdqDir)) {
                err.println("hasher: --vpdq-out must name an existing folder: " + vpdqDir);
                return 2;
            }
        }
        if (!json) {
            out.println(videoAsked ? "path\tmd5\tpdq\tquality\tvpdq_frames" : "path\tmd5\tpdq\tquality");
        }
        for (String p : paths) {
            visit(Paths.get(p));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private void visit(Path path) {
        if (Files.isDirectory(path)) {
            if (!recursive) {
                fail(path, "is a folder (use --recursive to hash the files in it)");
                return;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(this::hashOne);
            } catch (IOException | java.io.UncheckedIOException e) {
                fail(path, "cannot list the folder (" + e.getMessage() + ")");
            }
        } else {
            hashOne(path);
        }
    }

    private void hashOne(Path file) {
        try {
            FileHasher.Result r = FileHasher.hash(file, video, images);
            print(file.toString(), r);
            if (r.problem != null) {
                fail(file, r.problem + "; MD5 only");
            }
            if (r.vpdq != null && vpdqDir != null) {
                Files.writeString(vpdqDir.resolve(file.getFileName() + ".txt"), VpdqText.format(r.vpdq));
            }
        } catch (NoSuchFileException e) {
            fail(file, "no such file");
        } catch (IOException e) {
            fail(file, "cannot read (" + e.getMessage() + ")");
        } catch (VideoDecodeException e) {
            fail(file, e.getMessage());
        } catch (OutOfMemoryError e) {
            fail(file, "image too large for the memory available (try java -Xmx4g)");
        }
    }

    private static Long positiveLong(String text) {
        try {
            long n = Long.parseLong(text);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void print(String path, FileHasher.Result r) {
        String pdq = r.pdq == null ? null : r.pdq.hash().toHex();
        Integer quality = r.pdq == null ? null : r.pdq.quality();
        if (json) {
            out.println("{\"path\":" + jsonString(path) + ",\"md5\":\"" + r.md5 + "\",\"pdq\":"
                    + (pdq == null ? "null" : "\"" + pdq + "\"") + ",\"quality\":"
                    + (quality == null ? "null" : quality)
                    + (videoAsked ? ",\"vpdq\":" + (r.vpdq == null ? "null" : framesJson(r.vpdq)) : "") + "}");
        } else {
            out.println(path.replace('\t', ' ').replace('\n', ' ') + "\t" + r.md5 + "\t"
                    + (pdq == null ? "" : pdq) + "\t" + (quality == null ? "" : quality)
                    + (videoAsked ? "\t" + (r.vpdq == null ? "" : r.vpdq.size()) : ""));
        }
    }

    /** Frames in the portal API's form: {@code [{"t":seconds,"pdq":hex,"q":quality},...]}. */
    static String framesJson(List<VpdqFrame> frames) {
        StringBuilder b = new StringBuilder("[");
        for (VpdqFrame f : frames) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"t\":").append(String.format(Locale.ROOT, "%.3f", f.timestampSeconds()))
                    .append(",\"pdq\":\"").append(f.hash().toHex()).append("\",\"q\":").append(f.quality()).append('}');
        }
        return b.append(']').toString();
    }

    private void fail(Path path, String message) {
        failed = true;
        err.println("hasher: " + path + ": " + message);
    }

    private static void usage(PrintStream s) {
        s.println("usage: java -jar hasher.jar [--json] [--recursive] [--video] [--decoder=auto|ffmpeg|jcodec]");
        s.println("                           [--vpdq-out=FOLDER] [--max-pixels=N] [--webp-decoder=auto|dwebp|java] PATH...");
        s.println("  Prints path, md5, pdq and quality for each file (TSV, or JSON lines with --json).");
        s.println("  Images (JPEG, PNG, GIF, BMP, WebP, recognised by content) get PDQ; other files MD5 only.");
        s.println("  --video: videos (MP4, MOV, WebM, AVI) also get vPDQ, one PDQ frame a second: the frame");
        s.println("    count in TSV, the frames in JSON (as the portal API takes them). Decoded with ffmpeg");
        s.println("    when it is installed, otherwise JCodec (MP4 with H.264 only); --decoder picks one.");
        s.println("  --max-pixels=N: images whose header declares more than N pixels (default "
                + ImageDecoder.DEFAULT_MAX_PIXELS + ") are not decoded:");
        s.println("    they get MD5 only and a message, as do images the decoder fails on (exit status 1).");
        s.println("  --webp-decoder: WebP through libwebp's dwebp (as browsers decode it) when installed (auto),");
        s.println("    always (dwebp) or never (java: TwelveMonkeys, a few bits of PDQ from the browsers').");
        s.println("  --vpdq-out=FOLDER: also write each video's frames as NAME.txt in Meta's vPDQ text form");
        s.println("    (frameNumber,quality,pdqHex,timestampSeconds).");
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
