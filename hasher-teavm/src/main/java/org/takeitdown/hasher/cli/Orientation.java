package org.takeitdown.hasher.cli;

/**
 * Turns stored pixels upright according to the EXIF Orientation tag (TIFF 6.0 / EXIF 2.3 tag 274):
 * 1 as stored, 2 mirrored left-right, 3 rotated 180, 4 mirrored top-bottom, 5 transposed,
 * 6 rotated 90 clockwise, 7 transversed, 8 rotated 90 counter-clockwise, as browsers display them.
 */
final class Orientation {
    private Orientation() {
    }

    static DecodedImage apply(DecodedImage in, int orientation) {
        if (orientation == 1) {
            return in;
        }
        int w = in.width();
        int h = in.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        byte[] src = in.rgba();
        byte[] out = new byte[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2: sx = w - 1 - x; sy = y; break;
                    case 3: sx = w - 1 - x; sy = h - 1 - y; break;
                    case 4: sx = x; sy = h - 1 - y; break;
                    case 5: sx = y; sy = x; break;
                    case 6: sx = y; sy = h - 1 - x; break;
                    case 7: sx = w - 1 - y; sy = h - 1 - x; break;
                    case 8: sx = w - 1 - y; sy = x; break;
                    default: throw new IllegalArgumentException("EXIF orientation " + orientation);
                }
                System.arraycopy(src, (sy * w + sx) * 4, out, (y * outW + x) * 4, 4);
            }
        }
        return new DecodedImage(out, outW, outH);
    }
}
