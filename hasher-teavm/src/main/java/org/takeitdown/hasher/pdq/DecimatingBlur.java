package org.takeitdown.hasher.pdq;

import java.util.Objects;

/**
 * PDQ's two Jarosz passes and the 64x64 decimation streamed over the rows of the luma, bit-identical
 * to {@link JaroszFilter#filter} followed by {@link Downsample#decimate}.
 *
 * <p>The first pass's column boxes walk down the image one row at a time, and each row they add
 * is blurred along the row (eight rows at a time, {@link RowBoxes}) just before it is
 * needed; each row they write goes at once through the second pass's row box, which keeps only the
 * 64 sampled columns. So the only full-height buffer is those 64 columns, and everything else is a
 * few rows: a ring of the row-blurred rows still to be added or subtracted, the column sums, and
 * eight rows of luma and four of column output. Nothing the size of the image is allocated, written or
 * read back, which matters most in JavaScript, where nothing is vectorised and a fresh image-sized
 * Float32Array each call was a cost of its own. Each running sum still sees the reference's values
 * in the reference's order.
 */
final class DecimatingBlur {
    /** Rows row-blurred together ({@link RowBoxes#boxEightRows}). */
    private static final int ROW_GROUP = 8;
    /** Column-blurred rows collected before their sampled row box ({@link RowBoxes#boxFourRowsSampled}). */
    private static final int GROUP = 4;

    private final LumaRows luma;
    private final int rows;
    private final int cols;
    private final int rowWindow;
    private final int[] sampleCols;
    private final int ringRows;
    /**
     * All the row-sized buffers in one array (see {@link RowBoxes} for why): the column boxes'
     * running sums at 0; the row-blurred rows from {@link #ring}, row r in slot r % ringRows, every
     * row from the oldest still to subtract up to the newest group; the first pass's output rows
     * awaiting the second pass's row box from {@link #blurred}, row r in slot r % GROUP; the luma of
     * the rows being row-blurred from {@link #lumaGroup}.
     */
    private final float[] work;
    private final int ring;
    private final int blurred;
    private final int lumaGroup;
    /** Second-pass row boxes at the sampled columns, transposed: column j at {@code [j * rows + r]}. */
    private final float[] columns;
    /** Rows row-blurred into the ring so far. */
    private int produced;

    private DecimatingBlur(LumaRows luma, int rows, int cols) {
        this.luma = luma;
        this.rows = rows;
        this.cols = cols;
        this.rowWindow = JaroszFilter.windowSize(cols);
        this.sampleCols = Downsample.positions(cols);
        int colWindow = JaroszFilter.windowSize(rows);
        // Adding row r (with r - colWindow subtracted) needs rows r - colWindow .. r + ROW_GROUP - 1 at once.
        this.ringRows = (colWindow + 2 * ROW_GROUP - 1) / ROW_GROUP * ROW_GROUP;
        this.ring = cols;
        this.blurred = ring + ringRows * cols;
        this.lumaGroup = blurred + GROUP * cols;
        this.work = new float[lumaGroup + ROW_GROUP * cols];
        this.columns = new float[Downsample.SIZE * rows];
    }

    /** Blurs the {@code rows x cols} luma and writes its 64x64 decimation to {@code out}. */
    static void filterAndDecimate(LumaRows luma, int rows, int cols, float[] out) {
        DecimatingBlur blur = new DecimatingBlur(luma, rows, cols);
        blur.firstPassAndSampledRows();
        int[] sampleRows = Downsample.positions(rows);
        int colWindow = JaroszFilter.windowSize(rows);
        for (int j = 0; j < Downsample.SIZE; j++) {
            RowBoxes.boxSampled(blur.columns, j * rows, rows, colWindow, sampleRows, out, j, Downsample.SIZE);
        }
    }

    /** The first pass's column boxes, in {@link JaroszFilter}'s phases, all columns a row at a time. */
    private void firstPassAndSampledRows() {
        int window = JaroszFilter.windowSize(rows);
        int half = JaroszFilter.half(window);
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = rows - window;
        int shrinking = half - 1;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        for (int k = 0; k < warmUp; k++) {
            add(rowBlurred(ri++));
            count++;
        }
        for (int k = 0; k < growing; k++) {
            count++;
            addAndWrite(rowBlurred(ri++), count, oi++);
        }
        for (int k = 0; k < full; k++) {
            addSubtractAndWrite(rowBlurred(ri++), ring + (li++ % ringRows) * cols, count, oi++);
        }
        for (int k = 0; k < shrinking; k++) {
            count--;
            subtractAndWrite(ring + (li++ % ringRows) * cols, count, oi++);
        }
        int first = rows - rows % GROUP;
        for (int r = first; r < rows; r++) {
            RowBoxes.boxSampled(work, blurred + (r - first) * cols, cols, rowWindow, sampleCols, columns, r, rows);
        }
    }

    /** The ring offset of row {@code r} after the first pass's row box, blurring its group first if needed. */
    private int rowBlurred(int r) {
        while (produced <= r) {
            int at = ring + (produced % ringRows) * cols;
            if (produced + ROW_GROUP <= rows) {
                luma.fill(produced, ROW_GROUP, work, lumaGroup);
                RowBoxes.boxEightRows(work, lumaGroup, at, cols, rowWindow);
                produced += ROW_GROUP;
            } else {
                luma.fill(produced, 1, work, lumaGroup);
                RowBoxes.boxRow(work, lumaGroup, at, cols, rowWindow);
                produced++;
            }
        }
        return ring + (r % ringRows) * cols;
    }

    /** First-pass output row {@code r} is in its {@link #blurred} slot: row-box each full group at the sampled columns. */
    private void written(int r) {
        if (r % GROUP == GROUP - 1) {
            RowBoxes.boxFourRowsSampled(work, blurred, cols, rowWindow, sampleCols, columns, r - (GROUP - 1), rows);
        }
    }

    private void add(int from) {
        float[] w = work;
        int n = cols;
        Objects.checkFromIndexSize(from, n, w.length);
        for (int j = 0; j < n; j++) {
            w[j] = F32.r(w[j] + w[from + j]);
        }
    }

    private void addAndWrite(int from, int count, int r) {
        float[] w = work;
        int n = cols;
        int to = blurred + (r % GROUP) * n;
        Objects.checkFromIndexSize(to, n, w.length);
        double inverse = 1.0 / count;
        for (int j = 0; j < n; j++) {
            float sum = F32.r(w[j] + w[from + j]);
            w[j] = sum;
            w[to + j] = F32.quotient(sum, count, inverse);
        }
        written(r);
    }

    private void addSubtractAndWrite(int addFrom, int subtractFrom, int count, int r) {
        float[] w = work;
        int n = cols;
        int to = blurred + (r % GROUP) * n;
        Objects.checkFromIndexSize(to, n, w.length);
        double inverse = 1.0 / count;
        for (int j = 0; j < n; j++) {
            float sum = F32.r(F32.r(w[j] + w[addFrom + j]) - w[subtractFrom + j]);
            w[j] = sum;
            w[to + j] = F32.quotient(sum, count, inverse);
        }
        written(r);
    }

    private void subtractAndWrite(int from, int count, int r) {
        float[] w = work;
        int n = cols;
        int to = blurred + (r % GROUP) * n;
        Objects.checkFromIndexSize(to, n, w.length);
        double inverse = 1.0 / count;
        for (int j = 0; j < n; j++) {
            float sum = F32.r(w[j] - w[from + j]);
            w[j] = sum;
            w[to + j] = F32.quotient(sum, count, inverse);
        }
        written(r);
    }
}
