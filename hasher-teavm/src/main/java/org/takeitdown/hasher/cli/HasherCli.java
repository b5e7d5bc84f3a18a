package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command line: {@code java -jar hasher.jar [--json] [--recursive] PATH...}. Prints, per file,
 * path, MD5, PDQ and quality (TSV with a header line, or one JSON object a line with
 * {@code --json}). Problems go to stderr, one line a file; the exit status is 1 if there was any.
 */
public final class HasherCli {
    private final PrintStream out;
    private final PrintStream err;
    private boolean json;
    private boolean recursive;
    private boolean failed;

    HasherCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new HasherCli(System.out, System.err).run(args));
    }

    /** Runs the command and returns its exit status: 0 all well, 1 a file failed, 2 bad usage. */
    int run(String[] args) {
        List<String> paths = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--json": json = true; break;
                case "--recursive": case "-r": recursive = true; break;
                case "--help": case "-h": usage(out); return 0;
                default:
                    if (a.startsWith("-") && !a.equals("-")) {
                        err.println("hasher: unknown option " + a);
                        usage(err);
                        return 2;
                    }
                    paths.add(a);
            }
        }
        if (paths.isEmpty()) {
            usage(err);
            return 2;
        }
        if (!json) {
            out.println("path\tmd5\tpdq\tquality");
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
            FileHasher.Result r = FileHasher.hash(file);
            print(file.toString(), r);
        } catch (NoSuchFileException e) {
            fail(file, "no such file");
        } catch (IOException e) {
            fail(file, "cannot read (" + e.getMessage() + ")");
        } catch (ImageDecodeException e) {
            fail(file, e.getMessage());
        } catch (OutOfMemoryError e) {
            fail(file, "image too large for the memory available (try java -Xmx4g)");
        }
    }

    private void print(String path, FileHasher.Result r) {
        String pdq = r.pdq == null ? null : r.pdq.hash().toHex();
        Integer quality = r.pdq == null ? null : r.pdq.quality();
        if (json) {
            out.println("{\"path\":" + jsonString(path) + ",\"md5\":\"" + r.md5 + "\",\"pdq\":"
                    + (pdq == null ? "null" : "\"" + pdq + "\"") + ",\"quality\":"
                    + (quality == null ? "null" : quality) + "}");
        } else {
            out.println(path.replace('\t', ' ').replace('\n', ' ') + "\t" + r.md5 + "\t"
                    + (pdq == null ? "" : pdq) + "\t" + (quality == null ? "" : quality));
        }
    }

    private void fail(Path path, String message) {
        failed = true;
        err.println("hasher: " + path + ": " + message);
    }

    private static void usage(PrintStream s) {
        s.println("usage: java -jar hasher.jar [--json] [--recursive] PATH...");
        s.println("  Prints path, md5, pdq and quality for each file (TSV, or JSON lines with --json).");
        s.println("  Images (JPEG, PNG, GIF, BMP, WebP, recognised by content) get PDQ; other files MD5 only.");
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
