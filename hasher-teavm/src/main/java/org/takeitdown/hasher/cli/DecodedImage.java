package org.takeitdown.hasher.cli;

/** Decoded pixels, RGBA, 4 bytes a pixel, row-major from the top left, upright. */
public final class DecodedImage {
    private final byte[] rgba;
    private final int width;
    private final int height;

    public DecodedImage(byte[] rgba, int width, int height) {
        this.rgba = rgba;
        this.width = width;
        this.height = height;
    }

    public byte[] rgba() {
        return rgba;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
