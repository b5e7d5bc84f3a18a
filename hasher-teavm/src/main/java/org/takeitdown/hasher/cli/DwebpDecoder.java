package org.takeitdown.hasher.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes WebP with libwebp's {@code dwebp} program (Debian package {@code webp}), the library
 * Chromium, Firefox and WebKit use, with its default "fancy" chroma upsampling, so the pixels are
 * the browsers' to the bit. Output is PAM (RGBA, not premultiplied) on stdout.
 */
final class DwebpDecoder {
    /** Longest a single image may take to decode before it is given up. */
    private static final long TIMEOUT_SECONDS = 120;
    private static volatile Boolean available;

    private DwebpDecoder() {
    }

    /** Whether a {@code dwebp} program answers on the PATH (asked once). */
    static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = Programs.answers("dwebp", "-version");
            available = known;
        }
        return known;
    }

    /**
     * Decodes the WebP {@code bytes} (copied to a private temporary file, as this {@code dwebp}
     * cannot read stdin) to RGBA of the expected size.
     */
    static DecodedImage decode(byte[] bytes, int width, int height) throws ImageDecodeException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("hasher-", ".webp");
            Files.write(tmp, bytes);
            Process p = new ProcessBuilder(List.of("dwebp", tmp.toString(), "-pam", "-quiet", "-o", "-"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] rgba;
            try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
                rgba = readPam(in, width, height);
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ImageDecodeException("cannot decode the image (dwebp took too long)");
            }
            if (p.exitValue() != 0 || rgba == null) {
                throw new ImageDecodeException("cannot decode the image (dwebp could not read it)");
            }
            return new DecodedImage(rgba, width, height);
        } catch (IOException e) {
            throw new ImageDecodeException("cannot decode the image (dwebp: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageDecodeException("cannot decode the image (interrupted)");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The samples of a PAM of {@code width}×{@code height} RGB_ALPHA, or null if it is anything else. */
    static byte[] readPam(InputStream in, int width, int height) throws IOException {
        StringBuilder header = new StringBuilder();
        while (true) {
            String line = line(in);
            if (line == null || header.length() > 1024) {
                return null;
            }
            if (line.equals("ENDHDR")) {
                break;
            }
            header.append(line).append('\n');
        }
        String expected = "P7\nWIDTH " + width + "\nHEIGHT " + height + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\n";
        if (!header.toString().equals(expected)) {
            return null;
        }
        byte[] rgba = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 4)];
        return in.readNBytes(rgba, 0, rgba.length) == rgba.length ? rgba : null;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0 || b.length() > 256) {
                return null;
            }
            b.append((char) c);
        }
        return b.toString();
    }
}
