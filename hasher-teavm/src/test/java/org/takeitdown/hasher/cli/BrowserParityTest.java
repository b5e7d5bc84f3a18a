package org.takeitdown.hasher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.hasher.cli.HasherCliTest.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.TestVectors;
import org.takeitdown.hasher.pdq.PdqHash;

/**
 * The CLI decodes WebP and CMYK JPEG to the pixels Chromium gives the portal's page, so their PDQ
 * is the teen's. The expected hashes were measured by hand on 2026-11-26 in Chromium
 * 156.0.8078.108 (Debian, headless) exactly as {@code portal/.../js/hash-worker.js} does it:
 * {@code createImageBitmap(blob, {colorSpaceConversion: 'none', premultiplyAlpha: 'none',
 * imageOrientation: 'from-image'})}, drawn on an {@code OffscreenCanvas}, {@code getImageData},
 * then {@code pdq()} of this module's {@code hasher.js}; the page posted the results back to a
 * local server (in Chromium the worker now decodes {@code CMYK.jpg}, which has no ICC profile, with the
 * default options, which give the same pixels: the portal's {@code JpegDecodeBrowserTest}). All five WebP files are the same
 * picture stored in different pixel modes. The portal's
 * {@code DecoderParityBrowserTest} checks the same files live in Chromium, Firefox ESR and WebKitGTK
 * (equal pixels and PDQ in all three); this test keeps the CLI checked without a browser.
 */
class BrowserParityTest {
    private static final String MODES = "images/misc-images/modes/";
    private static final Map<String, String> CHROMIUM = Map.of(
            "F.webp", "f8f8f0cee0f4a84f06370a22038f67f0b36e2ed596221e1d33e6b39c4e9c9b22",
            "HSV.webp", "f8f8f0cee0f4a84f06370a22028f67f0b36e2ed596621e1d33e6b39c4e9c9b22",
            "I.webp", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
            "LAB.webp", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
            "PA.webp", "f8f8f0cee0f4a84f06370a22038f67f0b36e2ed596221e1d33e6b39c4e9c9b22",
            "CMYK.jpg", "f8f8f0cee0f4a84f06370a22038f67f0b36e2ed596221e1d33e6b39c4e9c9b22");

    private static String cliPdq(String decoder, String name) {
        Path file = TestVectors.pdq().resolve(MODES + name);
        String[] r = cli("--webp-decoder=" + decoder, file.toString());
        assertThat(r[2]).as(name).isEmpty();
        assertThat(r[0]).as(name).isEqualTo("0");
        String[] cells = r[1].split("\n")[1].split("\t");
        assertThat(cells[3]).as(name + " quality").isEqualTo("100");
        return cells[2];
    }

    @Test
    void webpThroughDwebpGivesChromiumsPdqExactly() {
        DwebpRequired.check();
        for (String name : new TreeMap<>(CHROMIUM).keySet()) {
            if (name.endsWith(".webp")) {
                assertThat(cliPdq("dwebp", name)).as(name).isEqualTo(CHROMIUM.get(name));
            }
        }
    }

    @Test
    void adobeCmykJpegGivesChromiumsPdqExactly() {
        assertThat(cliPdq("java", "CMYK.jpg")).isEqualTo(CHROMIUM.get("CMYK.jpg"));
        assertThat(ImageDecoder.isAdobeCmykJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isFalse();
    }

    @Test
    void pureJavaWebpFallbackStaysWithinSixBitsOfChromium() {
        for (String name : new TreeMap<>(CHROMIUM).keySet()) {
            if (name.endsWith(".webp")) {
                int d = PdqHash.distance(cliPdq("java", name), CHROMIUM.get(name));
                System.out.println("TwelveMonkeys WebP " + name + ": " + d + " bits from Chromium");
                assertThat(d).as(name).isLessThanOrEqualTo(6);
            }
        }
    }
}
