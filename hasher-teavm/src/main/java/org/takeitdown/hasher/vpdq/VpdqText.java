package org.takeitdown.hasher.vpdq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.takeitdown.hasher.pdq.PdqHash;

/**
 * The text form of Meta's vPDQ reference: one line a frame,
 * {@code frameNumber,quality,pdqHex,timestampSeconds}, the timestamp with three decimals.
 */
public final class VpdqText {
    private VpdqText() {
    }

    /** One frame as a reference line (without the line end). */
    public static String formatLine(VpdqFrame f) {
        return f.frameNumber() + "," + f.quality() + "," + f.hash().toHex() + ","
                + String.format(Locale.ROOT, "%.3f", f.timestampSeconds());
    }

    /** All frames, each line ended by a newline. */
    public static String format(List<VpdqFrame> frames) {
        StringBuilder b = new StringBuilder();
        for (VpdqFrame f : frames) {
            b.append(formatLine(f)).append('\n');
        }
        return b.toString();
    }

    /**
     * Parses reference text; blank lines are skipped. A bad line throws
     * {@link IllegalArgumentException} naming its line number and what is wrong.
     */
    public static List<VpdqFrame> parse(String text) {
        List<VpdqFrame> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static VpdqFrame parseLine(String line) {
        String[] parts = line.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected frameNumber,quality,pdqHex,timestampSeconds but found "
                    + parts.length + " fields");
        }
        int frameNumber = parseInt(parts[0], "frame number");
        int quality = parseInt(parts[1], "quality");
        PdqHash hash = PdqHash.fromHex(parts[2]);
        double t;
        try {
            t = Double.parseDouble(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp is not a number: " + parts[3]);
        }
        return new VpdqFrame(frameNumber, quality, hash, t);
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a whole number: " + s);
        }
    }
}
