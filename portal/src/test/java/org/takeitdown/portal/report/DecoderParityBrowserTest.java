package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.cli.DecodedImage;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.cli.ImageDecoder;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * The CLI decodes WebP and Adobe CMYK JPEG to the very pixels each engine gives the page, checked live: every
 * WebP vector and {@code misc-images/modes/CMYK.jpg} hashed through the real page, and decoded in the page
 * unmanaged ({@code createImageBitmap} with {@code colorSpaceConversion: 'none'}, drawn on a canvas), against
 * the CLI's {@link FileHasher} hash and {@link ImageDecoder} pixels computed in this test. Equal PDQ and equal
 * pixels (MD5 of the RGBA) in Chromium, Firefox ESR and WebKitGTK. In Chromium the page's worker decodes the
 * CMYK JPEG, which has no ICC profile, with the browser's default options ({@code 'untagged-jpeg'}), so its PDQ
 * checks that decode too. Why:
 * <ul>
 *   <li>WebP: the CLI decodes with libwebp's {@code dwebp} (default "fancy" chroma upsampling), and libwebp
 *       is the WebP decoder of all three engines.</li>
 *   <li>CMYK: the file is Adobe CMYK (APP14 transform 0, samples stored inverted) with no ICC profile, and
 *       the three engines convert it with the same integer formula, R = C·K / 255 truncated on the stored
 *       samples (G from M, B from Y), no CMYK profile: Blink's {@code SetPixel<JCS_CMYK>}
 *       ({@code jpeg_image_decoder.cc}), WebKit's {@code setPixel<JCS_CMYK>} ({@code JPEGImageDecoder.cpp})
 *       and Firefox's {@code cmyk_convert_bgra} ({@code nsJPEGDecoder.cpp}). The CLI does the same
 *       ({@code ImageDecoder.cmykPixels}). Firefox would apply an embedded CMYK profile when colour
 *       management is on, but this file has none and the page asks for no conversion. The file stores
 *       K = 255 (no black) in every pixel, so it checks the inversion and the absence of a profile (a CLI
 *       that did not invert fails here by 24 bits in every engine) but not how C·K / 255 is rounded.</li>
 * </ul>
 */
@Tag("browser")
@QuarkusTest
class DecoderParityBrowserTest extends EngineFixture {
    private static final String CMYK = "pdq/images/misc-images/modes/CMYK.jpg";

    /** Every WebP under the vectors folder, then the CMYK JPEG. */
    private static List<Path> files() throws IOException {
        List<Path> out;
        try (Stream<Path> walk = Files.walk(Vectors.file("."))) {
            out = new ArrayList<>(walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".webp")).sorted().toList());
        }
        out.add(Vectors.file(CMYK));
        return out;
    }

    private static void requireDwebp() {
        boolean dwebp = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "dwebp")));
        if (!dwebp && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("dwebp is missing; .ci/run installs Debian's webp");
        }
        Assumptions.assumeTrue(dwebp, "dwebp is not installed (apt-get install webp): decoder parity test skipped");
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void webpAndCmykJpegDecodeInThePageAsInTheCli(String name) throws Exception {
        requireDwebp();
        List<Path> files = files();
        assertThat(files).as("WebP vectors and CMYK.jpg").hasSizeGreaterThanOrEqualTo(6);
        start(name);
        engine.open(root + "hash");
        List<DecodedImage> cli = new ArrayList<>();
        for (Path file : files) {
            cli.add(ImageDecoder.decode(Files.readAllBytes(file)));
        }
        List<Map<String, Object>> decoded = decodeInPage(files, cli.stream().map(DecoderParityBrowserTest::md5).toList());
        HashPage.hashAll(engine, files, Duration.ofSeconds(300), "every file hashed or marked");
        @SuppressWarnings("unchecked")
        List<String> pagePdq = (List<String>) engine.js("return Array.from(document.querySelectorAll('#file-list li'),"
                + " li => (li.querySelector('code.pdq') || {}).textContent || null);");
        assertThat(pagePdq).hasSize(files.size());

        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("Decoder parity in " + name + " vs the CLI:\n");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String label = file.getParent().getFileName() + "/" + file.getFileName();
            String cliPdq = FileHasher.hash(file).pdq.hash().toHex();
            String page = pagePdq.get(i);
            int bits = page == null ? -1 : PdqHash.distance(page, cliPdq);
            String pixels = pixelComparison(cli.get(i), decoded.get(i));
            report.append(String.format("  %-4s %-28s PDQ %s; pixels %s%n", name.substring(0, 3), label,
                    bits < 0 ? "none in the page" : bits + " bits", pixels));
            if (bits != 0) {
                failures.add(label + ": PDQ " + (bits < 0 ? "none in the page" : bits + " bits from the CLI"));
            }
            if (!pixels.equals("equal")) {
                failures.add(label + ": pixels " + pixels);
            }
        }
        System.out.print(report);
        assertThat(failures).as(name + ": decoders that disagree with the CLI").isEmpty();
    }

    /**
     * Decodes each file in the page as {@code hash-worker.js} does and returns, per file, its size and the
     * MD5 of its RGBA pixels, and the pixels themselves (base64) where that MD5 is not the CLI's.
     */
    private List<Map<String, Object>> decodeInPage(List<Path> files, List<String> cliMd5) {
        HashPage.chooseInOwnInput(engine, "parity-files", files);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> out = (List<Map<String, Object>>) engine.jsAsync("""
                const { md5Hex } = await import('/js/hasher.js');
                const out = [];
                const files = document.getElementById('parity-files').files;
                for (let f = 0; f < files.length; f++) {
                  const file = files[f];
                  const bitmap = await createImageBitmap(file, {
                    colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' });
                  const canvas = document.createElement('canvas');
                  canvas.width = bitmap.width;
                  canvas.height = bitmap.height;
                  const ctx = canvas.getContext('2d', { willReadFrequently: true });
                  ctx.drawImage(bitmap, 0, 0);
                  const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
                  const md5 = md5Hex(new Uint8Array(px.buffer));
                  let b64 = '';
                  if (md5 !== arguments[0][f]) {
                    for (let p = 0; p < px.length; p += 0x8000) b64 += String.fromCharCode.apply(null, px.subarray(p, p + 0x8000));
                  }
                  out.push({ width: bitmap.width, height: bitmap.height, md5, rgba: btoa(b64) });
                }
                return out;
                """, cliMd5);
        assertThat(out).hasSize(files.size());
        return out;
    }

    private static String md5(DecodedImage image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(image.rgba()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "equal", or how the page's pixels differ from the CLI's (samples that differ, largest difference). */
    private static String pixelComparison(DecodedImage cli, Map<String, Object> page) {
        if (((Number) page.get("width")).intValue() != cli.width() || ((Number) page.get("height")).intValue() != cli.height()) {
            return "of another size: " + page.get("width") + "x" + page.get("height");
        }
        if (md5(cli).equals(page.get("md5"))) {
            return "equal";
        }
        byte[] rgba = Base64.getDecoder().decode((String) page.get("rgba"));
        int differ = 0;
        int largest = 0;
        long signed = 0;
        for (int i = 0; i < rgba.length; i++) {
            int d = (rgba[i] & 0xff) - (cli.rgba()[i] & 0xff);
            if (d != 0) {
                differ++;
                largest = Math.max(largest, Math.abs(d));
                signed += d;
            }
        }
        return String.format("differ in %d of %d samples (largest difference %d, mean page - CLI %.3f)", differ,
                rgba.length, largest, (double) signed / rgba.length);
    }
}
