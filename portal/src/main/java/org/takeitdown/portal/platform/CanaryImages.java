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
 * Synthetic pictures for canaries: a random two-colour gradient, a few soft shapes and a little noise,
 * hashed with the portal's own PDQ and stored as PNG bytes for their MD5, so their hashes have the
 * statistics of real images' hashes rather than of random hex.
 */
final class CanaryImages {
    /** Side of the square picture, in pixels (PDQ downsamples to 64x64 anyway). */
    static final int SIZE = 256;
    private static final int SHAPES = 6;
    private static final int NOISE = 12;

    private CanaryImages() {
    }

    /** One generated picture's MD5 (of its PNG bytes), PDQ and PDQ quality. */
    record Hashed(String md5, String pdq, int quality) {
    }

    static Hashed generate(Random random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int[] a = colour(random);
        int[] b = colour(random);
        double angle = random.nextDouble() * Math.PI * 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] shapes = new double[SHAPES][];
        for (int s = 0; s < SHAPES; s++) {
            int[] c = colour(random);
            shapes[s] = new double[] {random.nextDouble() * SIZE, random.nextDouble() * SIZE,
                    20 + random.nextDouble() * SIZE / 3.0, 20 + random.nextDouble() * SIZE / 3.0, c[0], c[1], c[2]};
        }
        byte[] pixels = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double t = ((x - SIZE / 2.0) * cos + (y - SIZE / 2.0) * sin) / SIZE + 0.5;
                double[] px = new double[3];
                for (int k = 0; k < 3; k++) {
                    px[k] = a[k] + (b[k] - a[k]) * Math.min(1, Math.max(0, t));
                }
                for (double[] s : shapes) {
                    double dx = (x - s[0]) / s[2];
                    double dy = (y - s[1]) / s[3];
                    double w = Math.exp(-(dx * dx + dy * dy) * 2);
                    for (int k = 0; k < 3; k++) {
                        px[k] = px[k] * (1 - w) + s[4 + k] * w;
                    }
                }
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    int v = (int) Math.round(px[k]) + random.nextInt(2 * NOISE + 1) - NOISE;
                    v = Math.min(255, Math.max(0, v));
                    pixels[(y * SIZE + x) * 3 + k] = (byte) v;
                    rgb = (rgb << 8) | v;
                }
                image.setRGB(x, y, rgb);
            }
        }
        PdqResult pdq = PdqHasher.hash(pixels, SIZE, SIZE, 3);
        return new Hashed(md5(png(image)), pdq.hash().toHex(), pdq.quality());
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
