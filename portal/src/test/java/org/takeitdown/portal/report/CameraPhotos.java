package org.takeitdown.portal.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Camera-sized test photos: smooth gradients, blocks and grain, different for each seed, as JPEG. */
public final class CameraPhotos {
    /** JPEG quality of a phone camera's photos. */
    private static final float QUALITY = 0.9f;

    private CameraPhotos() {
    }

    public static void writeJpeg(Path out, int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        double fx = 300 + random.nextInt(600);
        double fy = 200 + random.nextInt(500);
        int block = 100 + random.nextInt(400);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                int grain = random.nextInt(16);
                px[i] = (byte) (((x * 255) / width + grain) & 0xff);
                px[i + 1] = (byte) ((((x / block) + (y / block)) % 2 == 0 ? 190 : 50) + grain);
                px[i + 2] = (byte) (127 + 110 * Math.sin(x / fx) * Math.cos(y / fy) + grain);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
