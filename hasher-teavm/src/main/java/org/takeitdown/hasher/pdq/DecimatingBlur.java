package org.takeitdown.hasher.pdq;

/**
 * PDQ's two Jarosz passes and the 64x64 decimation streamed over the rows of the luma, bit-identical
 * to {@link JaroszFilter#filter} followed by {@link Downsample#decimate}.
 *
 * <p>The first pass's column boxes walk down the image one row at a time, and each row they add
 * is blurred along the row (four rows at a time, {@link JaroszFilter}'s kernels) just before it is
 * needed; each row they write goes at once through the second pass's row box, which keeps only the
 * 64 sampled columns. So the only full-height buffer is those 64 columns, and everything else is a
 * few rows: a ring of the row-blurred rows still to be added or subtracted, the column sums, and
 * four rows of luma and of column output. Nothing the size of the image is written or read back,
 * which in JavaScript, where nothing is vectorised, roughly halves the work per pixel. Each running
 * sum still sees the reference's values in the reference's order.
 */
final class DecimatingBlur {
    /** Rows row-blurred together, and column-blurred rows collected before their sampled row box. */
    private static final int GROUP = 4;

    private final LumaRows luma;
    private final int rows;
    private final int cols;
    private final int rowWindow;
    private final int[] sampleCols;
    /** Luma of the rows being row-blurred. */
    private final float[] lumaGroup;
    /** Row-blurred rows, row r in slot r % ringRows: every row from the oldest still to subtract up to the newest group. */
    private final float[] ring;
    private final int ringRows;
    /** The column boxes' running sums. */
    private final float[] sums;
    /** First-pass output rows awaiting the second pass's row box, row r in slot r % GROUP. */
    private final float[] blurred;
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
        // Adding row r (with r - colWindow subtracted) needs rows r - colWindow .. r + GROUP - 1 at once.
        this.ringRows = (colWindow + 2 * GROUP - 1) / GROUP * GROUP;
        this.lumaGroup = new float[GROUP * cols];
        this.ring = new float[ringRows * cols];
        this.sums = new float[cols];
        this.blurred = new float[GROUP * cols];
        this.columns = new float[Downsample.SIZE * rows];
    }

    /** Blurs the {@code rows x cols} luma and writes its 64x64 decimation to {@code out}. */
    static void filterAndDecimate(LumaRows luma, int rows, int cols, float[] out) {
        DecimatingBlur blur = new DecimatingBlur(luma, rows, cols);
        blur.firstPassAndSampledRows();
        int[] sampleRows = Downsample.positions(rows);
        int colWindow = JaroszFilter.windowSize(rows);
        for (int j = 0; j < Downsample.SIZE; j++) {
            JaroszFilter.boxSampled(blur.columns, j * rows, rows, colWindow, sampleRows, out, j, Downsample.SIZE);
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
            addSubtractAndWrite(rowBlurred(ri++), (li++ % ringRows) * cols, count, oi++);
        }
        for (int k = 0; k < shrinking; k++) {
            count--;
            subtractAndWrite((li++ % ringRows) * cols, count, oi++);
        }
        int first = rows - rows % GROUP;
        for (int r = first; r < rows; r++) {
            JaroszFilter.boxSampled(blurred, (r - first) * cols, cols, rowWindow, sampleCols, columns, r, rows);
        }
    }

    /** The ring offset of row {@code r} after the first pass's row box, blurring its group first if needed. */
    private int rowBlurred(int r) {
        while (produced <= r) {
            int at = (produced % ringRows) * cols;
            if (produced + GROUP <= rows) {
                luma.fill(produced, GROUP, lumaGroup);
                JaroszFilter.boxFourRows(lumaGroup, ring, at, cols, rowWindow);
                produced += GROUP;
            } else {
                luma.fill(produced, 1, lumaGroup);
                JaroszFilter.boxRow(lumaGroup, ring, at, cols, rowWindow);
                produced++;
            }
        }
        return (r % ringRows) * cols;
    }

    /** First-pass output row {@code r} is in {@link #blurred}: row-box each full group at the sampled columns. */
    private void written(int r) {
        if (r % GROUP == GROUP - 1) {
            JaroszFilter.boxFourRowsSampled(blurred, 0, cols, rowWindow, sampleCols, columns, r - (GROUP - 1), rows);
        }
    }

    private void add(int from) {
        float[] s = sums;
        float[] in = ring;
        for (int j = 0; j < cols; j++) {
            s[j] = F32.r(s[j] + in[from + j]);
        }
    }

    private void addAndWrite(int from, int count, int r) {
        float[] s = sums;
        float[] in = ring;
        float[] out = blurred;
        int to = (r % GROUP) * cols;
        for (int j = 0; j < cols; j++) {
            float sum = F32.r(s[j] + in[from + j]);
            s[j] = sum;
            out[to + j] = sum / count;
        }
        written(r);
    }

    private void addSubtractAndWrite(int addFrom, int subtractFrom, int count, int r) {
        float[] s = sums;
        float[] in = ring;
        float[] out = blurred;
        int to = (r % GROUP) * cols;
        for (int j = 0; j < cols; j++) {
            float sum = F32.r(F32.r(s[j] + in[addFrom + j]) - in[subtractFrom + j]);
            s[j] = sum;
            out[to + j] = sum / count;
        }
        written(r);
    }

    private void subtractAndWrite(int from, int count, int r) {
        float[] s = sums;
        float[] in = ring;
        float[] out = blurred;
        int to = (r % GROUP) * cols;
        for (int j = 0; j < cols; j++) {
            float sum = F32.r(s[j] - in[from + j]);
            s[j] = sum;
            out[to + j] = sum / count;
        }
        written(r);
    }
}
