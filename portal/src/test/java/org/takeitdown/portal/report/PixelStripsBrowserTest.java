package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * The worker reads an image's pixels ({@code /js/pixels.js}) through a canvas of at most 1 MiB whatever the
 * image's size, in each engine, and gets the same bits as one canvas as big as the image: opaque images
 * equal to their source pixels (taller than a strip, wider than a tile, taller than a tile), and an image
 * with transparent and half-transparent pixels equal to one big canvas's read-back (so no strip shows
 * through another).
 */
@Tag("browser")
@QuarkusTest
class PixelStripsBrowserTest extends EngineFixture {
    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    @SuppressWarnings("unchecked")
    void pixelsAreReadThroughSmallCanvasesWithTheBitsOfOneBigCanvas(String name) throws Exception {
        start(name);
        engine.open(root.toString());
        Map<String, Object> got = (Map<String, Object>) engine.jsAsync("""
                const { pixelsOf, STRIP_BYTES } = await import('/js/pixels.js');
                const Real = OffscreenCanvas;
                let biggest = 0, canvases = 0;
                const image = (w, h, seed, alpha) => {
                  const px = new Uint8ClampedArray(w * h * 4);
                  for (let i = 0; i < w * h; i++) {
                    let v = Math.imul(i + 1, 0x9E3779B1) ^ Math.imul(seed, 0x85EBCA77);
                    v ^= v >>> 15; v = Math.imul(v, 0x2C1B3C6D); v ^= v >>> 12;
                    px[i * 4] = v & 255; px[i * 4 + 1] = (v >>> 8) & 255; px[i * 4 + 2] = (v >>> 16) & 255;
                    px[i * 4 + 3] = alpha ? [0, 128, 255][i % 3] : 255;
                  }
                  return px;
                };
                const bitmapOf = (px, w, h) => createImageBitmap(new ImageData(px, w, h),
                  { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
                const oneCanvas = (bitmap) => {
                  const ctx = new Real(bitmap.width, bitmap.height).getContext('2d', { willReadFrequently: true });
                  ctx.drawImage(bitmap, 0, 0);
                  return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
                };
                const firstDifference = (a, b) => {
                  if (a.length !== b.length) return 'length ' + a.length + ' != ' + b.length;
                  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return 'byte ' + i + ': ' + a[i] + ' != ' + b[i];
                  return 'same';
                };
                const results = {};
                globalThis.OffscreenCanvas = class extends Real {
                  constructor(w, h) { super(w, h); canvases++; biggest = Math.max(biggest, w * h * 4); }
                };
                try {
                  for (const [w, h] of [[1000, 700], [5000, 300], [2, 9000]]) {
                    const px = image(w, h, w + h, false);
                    results[w + 'x' + h] = firstDifference(pixelsOf(await bitmapOf(px, w, h)), px);
                  }
                  const px = image(1000, 700, 7, true);
                  const bitmap = await bitmapOf(px, 1000, 700);
                  const out = new Uint8ClampedArray(1000 * 700 * 4);
                  pixelsOf(bitmap, out);
                  results['1000x700 transparent'] = firstDifference(out, oneCanvas(bitmap));
                } finally {
                  globalThis.OffscreenCanvas = Real;
                }
                return { results, biggest, canvases, limit: STRIP_BYTES };
                """);
        assertThat((Map<String, Object>) got.get("results")).as(name + ": pixels read in strips")
                .containsEntry("1000x700", "same").containsEntry("5000x300", "same").containsEntry("2x9000", "same")
                .containsEntry("1000x700 transparent", "same");
        assertThat(got.get("limit")).isEqualTo(1024L * 1024);
        assertThat((Long) got.get("biggest")).as(name + ": the biggest canvas's bytes, for images of up to 6 MB")
                .isPositive().isLessThanOrEqualTo(1024L * 1024);
        assertThat(got.get("canvases")).as(name + ": one canvas an image").isEqualTo(4L);
    }
}
