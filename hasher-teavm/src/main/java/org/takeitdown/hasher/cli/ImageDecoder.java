package org.takeitdown.hasher.cli;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image to the pixels the portal's browser flow hashes, so that a platform's PDQ of a
 * file equals the one a teen's browser computed:
 * <ul>
 *   <li>EXIF orientation is applied (browsers do so by default; {@code createImageBitmap} with
 *       {@code imageOrientation: "from-image"});</li>
 *   <li>embedded ICC profiles are ignored (the browser flow decodes with
 *       {@code colorSpaceConversion: "none"}): samples are taken from the raster as decoded,
 *       not through {@code getRGB}, which would colour-manage them;</li>
 *   <li>grey images give their raw grey values (what a canvas returns), not the gamma-converted
 *       ones {@code getRGB} produces for ImageIO's linear grey colour space.</li>
 * </ul>
 * JPEG, PNG, GIF and BMP through ImageIO; WebP through TwelveMonkeys' ImageIO plug-in.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Decodes {@code bytes}; {@link ImageDecodeException} says why when it cannot. */
    public static DecodedImage decode(byte[] bytes) throws ImageDecodeException {
        BufferedImage image = read(bytes);
        DecodedImage raw = pixels(image);
        return Orientation.apply(raw, exifOrientation(bytes));
    }

    private static BufferedImage read(byte[] bytes) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException("no decoder for this image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageDecodeException("cannot decode the image (" + detail + ")");
        }
    }

    /** RGBA bytes of the image as stored, without colour management. */
    static DecodedImage pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgba = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 4)];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int csType = cm.getColorSpace().getType();
        boolean rawSamples = cm instanceof ComponentColorModel
                && (csType == ColorSpace.TYPE_RGB || csType == ColorSpace.TYPE_GRAY)
                && (raster.getTransferType() == DataBuffer.TYPE_BYTE
                    || raster.getTransferType() == DataBuffer.TYPE_USHORT)
                && !cm.isAlphaPremultiplied();
        if (rawSamples) {
            copyRawSamples(raster, cm, csType == ColorSpace.TYPE_GRAY, rgba);
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = (y * w + x) * 4;
                    int argb = row[x];
                    rgba[p] = (byte) (argb >>> 16);
                    rgba[p + 1] = (byte) (argb >>> 8);
                    rgba[p + 2] = (byte) argb;
                    rgba[p + 3] = (byte) (argb >>> 24);
                }
            }
        }
        return new DecodedImage(rgba, w, h);
    }

    private static void copyRawSamples(Raster raster, ColorModel cm, boolean grey, byte[] rgba) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        boolean sixteenBit = raster.getTransferType() == DataBuffer.TYPE_USHORT;
        boolean alpha = cm.hasAlpha();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int s = x * bands;
                int p = (y * w + x) * 4;
                int r = to8(row[s], sixteenBit);
                int g = grey ? r : to8(row[s + 1], sixteenBit);
                int b = grey ? r : to8(row[s + 2], sixteenBit);
                int a = alpha ? to8(row[s + bands - 1], sixteenBit) : 255;
                rgba[p] = (byte) r;
                rgba[p + 1] = (byte) g;
                rgba[p + 2] = (byte) b;
                rgba[p + 3] = (byte) a;
            }
        }
    }

    /** 16-bit samples to 8 bits with rounding, as browsers' PNG decoders do. */
    private static int to8(int sample, boolean sixteenBit) {
        return sixteenBit ? (sample * 255 + 32767) / 65535 : sample;
    }

    /** EXIF orientation 1..8, or 1 when absent or unreadable. */
    static int exifOrientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
        } catch (Exception e) {
            return 1;
        }
        return 1;
    }
}
