package org.takeitdown.hasher.pdq;

/** An image's luma handed out a few rows at a time, so that the blur never holds the whole image. */
interface LumaRows {
    /** Writes the luma of rows {@code first .. first + count - 1} to {@code out}, row-major from {@code at}. */
    void fill(int first, int count, float[] out, int at);

    /** Rows of an image already converted to luma, row-major with {@code cols} values a row. */
    static LumaRows of(float[] image, int cols) {
        return (first, count, out, at) -> System.arraycopy(image, first * cols, out, at, count * cols);
    }
}
