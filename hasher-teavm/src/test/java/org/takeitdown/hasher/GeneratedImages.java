package org.takeitdown.hasher;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic synthetic RGBA images for differential tests: noise, gradients, shapes, flat, tiny. */
public final class GeneratedImages {
    private GeneratedImages() {
    }

    /** An RGBA image and a label saying how it was made. */
    public static final class Image {
        public final String label;
        public final int width;
        public final int height;
        public final byte[] rgba;

        Image(String label, int width, int height, byte[] rgba) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.rgba = rgba;
        }
    }

    public static List<Image> make(int count, long seed) {
        Random rnd = new Random(seed);
        List<Image> out = new ArrayList<>();
        out.add(flat(1, 1, 0, 0, 0));
        out.add(noise(rnd, 3000, 2000));
        for (int i = out.size(); i < count; i++) {
            int[] size = size(rnd, i);
            int w = size[0];
            int h = size[1];
            switch (i % 5) {
                case 0: out.add(noise(rnd, w, h)); break;
                case 1: out.add(gradient(rnd, w, h)); break;
                case 2: out.add(shapes(rnd, w, h)); break;
                case 3: out.add(flat(w, h, rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256))); break;
                default: out.add(noise(rnd, 1 + rnd.nextInt(8), 1 + rnd.nextInt(8)));
            }
        }
        return out;
    }

    private static int[] size(Random rnd, int i) {
        if (i % 50 == 7) {
            return new int[] {1000 + rnd.nextInt(2001), 700 + rnd.nextInt(1301)};
        }
        if (i % 5 == 4 || i % 7 == 0) {
            return new int[] {1 + rnd.nextInt(40), 1 + rnd.nextInt(40)};
        }
        if (i % 3 == 0) {
            return new int[] {100 + rnd.nextInt(700), 100 + rnd.nextInt(500)};
        }
        return new int[] {1 + rnd.nextInt(300), 1 + rnd.nextInt(300)};
    }

    private static Image noise(Random rnd, int w, int h) {
        byte[] px = new byte[w * h * 4];
        rnd.nextBytes(px);
        return new Image("noise " + w + "x" + h, w, h, px);
    }

    private static Image flat(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 4];
        for (int p = 0; p < px.length; p += 4) {
            px[p] = (byte) r;
            px[p + 1] = (byte) g;
            px[p + 2] = (byte) b;
            px[p + 3] = (byte) 255;
        }
        return new Image("flat " + w + "x" + h, w, h, px);
    }

    private static Image gradient(Random rnd, int w, int h) {
        byte[] px = new byte[w * h * 4];
        double ax = rnd.nextDouble() * 2 - 1;
        double ay = rnd.nextDouble() * 2 - 1;
        int[] base = {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = (ax * x / Math.max(1, w - 1) + ay * y / Math.max(1, h - 1)) * 255;
                int p = (y * w + x) * 4;
                for (int c = 0; c < 3; c++) {
                    px[p + c] = (byte) Math.max(0, Math.min(255, (int) (base[c] + t * (c + 1) / 3)));
                }
                px[p + 3] = (byte) 255;
            }
        }
        return new Image("gradient " + w + "x" + h, w, h, px);
    }

    private static Image shapes(Random rnd, int w, int h) {
        Image img = flat(w, h, rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
        byte[] px = img.rgba;
        int n = 1 + rnd.nextInt(12);
        for (int s = 0; s < n; s++) {
            int cx = rnd.nextInt(w);
            int cy = rnd.nextInt(h);
            int rx = 1 + rnd.nextInt(Math.max(1, w / 2));
            int ry = 1 + rnd.nextInt(Math.max(1, h / 2));
            boolean ellipse = rnd.nextBoolean();
            int r = rnd.nextInt(256);
            int g = rnd.nextInt(256);
            int b = rnd.nextInt(256);
            for (int y = Math.max(0, cy - ry); y < Math.min(h, cy + ry); y++) {
                for (int x = Math.max(0, cx - rx); x < Math.min(w, cx + rx); x++) {
                    double dx = (x - cx) / (double) rx;
                    double dy = (y - cy) / (double) ry;
                    if (!ellipse || dx * dx + dy * dy <= 1) {
                        int p = (y * w + x) * 4;
                        px[p] = (byte) r;
                        px[p + 1] = (byte) g;
                        px[p + 2] = (byte) b;
                    }
                }
            }
        }
        return new Image("shapes " + w + "x" + h, w, h, px);
    }
}
