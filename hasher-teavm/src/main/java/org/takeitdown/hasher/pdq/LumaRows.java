package org.takeitdown.hasher.pdq;

/** An image's luma handed out a few rows at a time, so that the blur never holds the whole image. */
interface LumaRows {
    /** Writes the luma of rows {@code first .. first + count - 1} to {@code out}, row-major from 0. */
    void fill(int first, int count, float[] out);

    /** Rows of an image already converted to luma, row-major with {@code cols} values a row. */
    static LumaRows of(float[] image, int cols) {
        return (first, count, out) -> System.arraycopy(image, first * cols, out, 0, count * cols);
    }
}
