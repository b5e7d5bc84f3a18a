package org.takeitdown.portal.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;

/**
 * Synthetic photo-like pictures for canaries: fractal texture (octaves of smoothly interpolated random
 * values, coarse ones strongest, as in a natural image's spectrum) under a random two-colour tint,
 * hashed with the portal's own PDQ and stored as PNG bytes for their MD5. Like photos, and unlike smooth
 * gradients, they have detail at the scale PDQ looks at, so they score PDQ quality 100 and set 128 bits,
 * as real images do (see {@link CanaryService#QUALITY}).
 */
final class CanaryImages {
    /** Side of the square picture, in pixels (PDQ downsamples to 64x64 anyway). */
    static final int SIZE = 256;
    /** Coarsest texture cell, in pixels: half the picture, for large light and dark areas. */
    private static final int LARGEST_CELL = 128;
    /**
     * Finest texture cell, in pixels: PDQ blurs the picture down to 64x64, one sample per 4 pixels here,
     * so finer detail would be blurred away and add nothing to its quality metric.
     */
    private static final int SMALLEST_CELL = 4;
    /** An octave's strength grows with its cell size to this power: coarse structure dominates, as in photos. */
    private static final double ROUGHNESS = 0.7;
    /**
     * Range of the texture's strength, in luma levels per unit of summed octaves. Measured with this hasher on
     * 200 pictures each: strength 40 gives quality 61 to 97, strength 60 and above gives 100 every time; 70 to
     * 110 keeps a margin above that. {@link CanaryService} still checks each picture's quality.
     */
    private static final int MIN_STRENGTH = 70;
    private static final int MAX_STRENGTH = 110;
    /** Mid-grey the texture varies around, half from the tint and half from this. */
    private static final int GREY = 64;

    private CanaryImages() {
    }

    /** One generated picture's MD5 (of its PNG bytes), PDQ and PDQ quality. */
    record Hashed(String md5, String pdq, int quality) {
    }

    static Hashed generate(Random random) {
        double[] texture = fractal(random);
        double[] tint = fractal(random);
        int[] a = colour(random);
        int[] b = colour(random);
        double strength = MIN_STRENGTH + random.nextDouble() * (MAX_STRENGTH - MIN_STRENGTH);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        byte[] pixels = new byte[SIZE * SIZE * 3];
        for (int i = 0; i < SIZE * SIZE; i++) {
            double t = Math.min(1, Math.max(0, 0.5 + tint[i] / 3));
            int rgb = 0;
            for (int k = 0; k < 3; k++) {
                double base = (a[k] * (1 - t) + b[k] * t) / 2 + GREY;
                int v = Math.min(255, Math.max(0, (int) Math.round(base + strength * texture[i])));
                pixels[i * 3 + k] = (byte) v;
                rgb = (rgb << 8) | v;
            }
            image.setRGB(i % SIZE, i / SIZE, rgb);
        }
        PdqResult pdq = PdqHasher.hash(pixels, SIZE, SIZE, 3);
        return new Hashed(md5(png(image)), pdq.hash().toHex(), pdq.quality());
    }

    /** Sum of value-noise octaves from {@link #LARGEST_CELL} down to {@link #SMALLEST_CELL}, one value a pixel. */
    private static double[] fractal(Random random) {
        double[] sum = new double[SIZE * SIZE];
        for (int cell = LARGEST_CELL; cell >= SMALLEST_CELL; cell /= 2) {
            double amplitude = Math.pow((double) cell / LARGEST_CELL, ROUGHNESS);
            addOctave(random, cell, amplitude, sum);
        }
        return sum;
    }

    /** Adds a grid of random values in [-1, 1) every {@code cell} pixels, smoothly interpolated, times {@code amplitude}. */
    private static void addOctave(Random random, int cell, double amplitude, double[] sum) {
        int g = SIZE / cell + 2;
        double[] grid = new double[g * g];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextDouble() * 2 - 1;
        }
        for (int y = 0; y < SIZE; y++) {
            int gy = y / cell;
            double ty = smooth((double) (y % cell) / cell);
            for (int x = 0; x < SIZE; x++) {
                int gx = x / cell;
                double tx = smooth((double) (x % cell) / cell);
                double top = grid[gy * g + gx] * (1 - tx) + grid[gy * g + gx + 1] * tx;
                double bottom = grid[(gy + 1) * g + gx] * (1 - tx) + grid[(gy + 1) * g + gx + 1] * tx;
                sum[y * SIZE + x] += amplitude * (top * (1 - ty) + bottom * ty);
            }
        }
    }

    /** Smoothstep: an interpolation weight whose slope is zero at both grid points, so no grid lines show. */
    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static int[] colour(Random random) {
        return new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
