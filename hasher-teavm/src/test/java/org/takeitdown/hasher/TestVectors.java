package org.takeitdown.hasher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared test vectors beside the repository ({@code ../shared/vectors}), located via the POM. */
public final class TestVectors {
    private TestVectors() {
    }

    public static Path root() {
        String dir = System.getProperty("vectors.dir");
        Path p = dir != null ? Paths.get(dir) : Paths.get("..", "..", "shared", "vectors");
        if (!Files.isDirectory(p.resolve("pdq"))) {
            throw new IllegalStateException("test vectors not found at " + p.toAbsolutePath()
                    + " (expected ../shared/vectors beside the repository)");
        }
        return p.normalize();
    }

    public static Path pdq() {
        return root().resolve("pdq");
    }

    public static Path vpdq() {
        return root().resolve("vpdq");
    }

    /** A clip of {@code vpdq/videos} by name without {@code .mp4}. */
    public static Path video(String name) {
        return vpdq().resolve("videos").resolve(name + ".mp4");
    }

    /** The reference's text for a clip: every frame hashed. */
    public static String referenceVpdq(String name) {
        try {
            return Files.readString(vpdq().resolve("hashes").resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of {@code pdq/expected.tsv}, by column name. */
    public static final class Row {
        public final Map<String, String> cells;

        Row(Map<String, String> cells) {
            this.cells = cells;
        }

        public String get(String column) {
            return cells.getOrDefault(column, "");
        }

        public String file() {
            return get("filename");
        }

        public boolean exactClass() {
            String c = get("decode_class");
            return c.equals("png-exact") || c.equals("jpeg-libjpeg-islow");
        }

        @Override
        public String toString() {
            return file();
        }
    }

    public static List<Row> expected() {
        try {
            List<String> lines = Files.readAllLines(pdq().resolve("expected.tsv"), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(new Row(m));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Row row(String filename) {
        return expected().stream().filter(r -> r.file().equals(filename)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + filename));
    }

    public static int intCell(Row row, String column) {
        return Integer.parseInt(row.get(column));
    }
}
