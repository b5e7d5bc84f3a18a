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
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.takeitdown.hasher.rules.MediaFormat;
import org.takeitdown.hasher.rules.MediaSniffer;

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
 * JPEG, PNG, GIF and BMP through ImageIO; WebP through libwebp's {@code dwebp} when installed (the
 * browsers' decoder, so the same pixels), else TwelveMonkeys' ImageIO plug-in; Adobe CMYK JPEGs
 * converted as Chromium does. The header's size is checked against a pixel bound before decoding.
 */
public final class ImageDecoder {
    /**
     * Default bound on the pixels an image's header may declare: 100 megapixels (a 12 000 × 8 000
     * photo) needs about 1.6 GB while hashing (decoded image, RGBA copy, PDQ's float buffers).
     */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** Which program decodes WebP. */
    public enum Webp {
        /** libwebp's {@code dwebp} when it is on the PATH, otherwise TwelveMonkeys. */
        AUTO,
        /** libwebp's {@code dwebp}; an error when it is missing. */
        DWEBP,
        /** TwelveMonkeys' pure-Java decoder (its chroma upsampling differs from libwebp's by a few bits of PDQ). */
        JAVA
    }

    private final long maxPixels;
    private final Webp webp;

    public ImageDecoder(long maxPixels, Webp webp) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the pixel bound must be at least 1");
        }
        this.maxPixels = maxPixels;
        this.webp = webp;
    }

    /** Decodes {@code bytes} with the default bound and WebP decoder. */
    public static DecodedImage decode(byte[] bytes) throws ImageDecodeException {
        return new ImageDecoder(DEFAULT_MAX_PIXELS, Webp.AUTO).read(bytes);
    }

    /**
     * Decodes {@code bytes}; {@link ImageDecodeException} says why when it cannot. The size the
     * header declares is checked against the bound before any pixel is decoded.
     */
    public DecodedImage read(byte[] bytes) throws ImageDecodeException {
        DecodedImage raw;
        try {
            raw = readStored(bytes);
        } catch (OutOfMemoryError e) {
            throw new ImageDecodeException("image too large for the memory available (try java -Xmx4g)");
        } catch (StackOverflowError e) {
            throw new ImageDecodeException("cannot decode the image (the decoder failed on it)");
        }
        return Orientation.apply(raw, exifOrientation(bytes));
    }

    private DecodedImage readStored(byte[] bytes) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException("no decoder for this image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(width, height);
                if (isWebp(bytes) && useDwebp()) {
                    return DwebpDecoder.decode(bytes, width, height);
                }
                if (isAdobeCmykJpeg(bytes)) {
                    return cmykPixels(reader.readRaster(0, null));
                }
                return pixels(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof EOFException ? "the file ends too early"
                    : e.getMessage() == null ? "the decoder failed on it" : e.getMessage();
            throw new ImageDecodeException("cannot decode the image (" + detail + ")");
        }
    }

    private void checkSize(int width, int height) throws ImageDecodeException {
        if (width < 1 || height < 1) {
            throw new ImageDecodeException("cannot decode the image (its header declares " + width + "×" + height + " pixels)");
        }
        if ((long) width * height > maxPixels) {
            throw new ImageDecodeException("not decoded: its header declares " + width + "×" + height
                    + " pixels, more than the bound of " + maxPixels + " (--max-pixels)");
        }
    }

    private boolean useDwebp() throws ImageDecodeException {
        switch (webp) {
            case JAVA: return false;
            case DWEBP:
                if (!DwebpDecoder.available()) {
                    throw new ImageDecodeException("dwebp is not installed (Debian package webp)");
                }
                return true;
            default: return DwebpDecoder.available();
        }
    }

    private static boolean isWebp(byte[] b) {
        return MediaSniffer.sniff(b, b.length) == MediaFormat.WEBP;
    }

    /**
     * Whether a JPEG's frame has 4 components stored as plain (Adobe "inverted") CMYK: an Adobe
     * APP14 segment with transform 0, or none. YCCK (transform 2) is left to ImageIO.
     */
    static boolean isAdobeCmykJpeg(byte[] b) {
        if (MediaSniffer.sniff(b, b.length) != MediaFormat.JPEG) {
            return false;
        }
        int transform = -1;
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xFF) {
            int marker = b[i + 1] & 0xff;
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xEE && length >= 14 && i + 2 + length <= b.length
                    && new String(b, i + 4, 5, StandardCharsets.ISO_8859_1).equals("Adobe")) {
                transform = b[i + 15] & 0xff;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return i + 9 < b.length && (b[i + 9] & 0xff) == 4 && transform <= 0;
            }
            if (marker == 0xDA || length < 2) {
                return false;
            }
            i += 2 + length;
        }
        return false;
    }

    /**
     * RGBA of raw Adobe CMYK samples as the browsers' JPEG decoders make them: Adobe stores C, M, Y, K
     * inverted, so R = C·K / 255 (truncated), G = M·K / 255, B = Y·K / 255 (Blink,
     * {@code JPEGImageDecoder::SetPixel<JCS_CMYK>}; WebKit's {@code setPixel<JCS_CMYK>} and Firefox's
     * {@code cmyk_convert_bgra} compute the same); no CMYK colour profile is applied.
     */
    static DecodedImage cmykPixels(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] rgba = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 4)];
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int s = x * 4;
                int k = row[s + 3];
                int p = (y * w + x) * 4;
                rgba[p] = (byte) (row[s] * k / 255);
                rgba[p + 1] = (byte) (row[s + 1] * k / 255);
                rgba[p + 2] = (byte) (row[s + 2] * k / 255);
                rgba[p + 3] = (byte) 255;
            }
        }
        return new DecodedImage(rgba, w, h);
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
