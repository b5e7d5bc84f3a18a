package org.takeitdown.portal.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of a server-rendered SVG bar chart (two series per week), so the page needs no
 * script: the template draws these rectangles as they are. Time runs the way the page reads: left to right,
 * or right to left (the newest week on the left) for a right-to-left language.
 */
public record BarChart(int width, int height, int baseline, long max, List<Bar> bars, List<Label> labels) {
    public record Bar(int x, int y, int width, int height, String series, long value) {
    }

    public record Label(int x, LocalDate day) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 240;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    public static BarChart of(List<ImpactService.Week> weeks, boolean rightToLeft) {
        long max = 1;
        for (ImpactService.Week w : weeks) {
            max = Math.max(max, Math.max(w.cases(), w.hashes()));
        }
        int slot = WIDTH / Math.max(1, weeks.size());
        int barWidth = Math.max(2, (slot - 6) / 2);
        int baseline = HEIGHT - BOTTOM;
        int room = baseline - TOP;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            ImpactService.Week w = weeks.get(i);
            int x = (rightToLeft ? weeks.size() - 1 - i : i) * slot + 3;
            int hc = (int) Math.round(room * (double) w.cases() / max);
            int hh = (int) Math.round(room * (double) w.hashes() / max);
            int first = rightToLeft ? x + barWidth : x;
            int second = rightToLeft ? x : x + barWidth;
            bars.add(new Bar(first, baseline - hc, barWidth, hc, "cases", w.cases()));
            bars.add(new Bar(second, baseline - hh, barWidth, hh, "hashes", w.hashes()));
            labels.add(new Label(x + barWidth, w.start()));
        }
        return new BarChart(WIDTH, HEIGHT, baseline, max, bars, labels);
    }

    /** How many weeks the chart shows. */
    public int weeks() {
        return labels.size();
    }
}
