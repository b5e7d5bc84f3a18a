package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.pdq.PdqResult;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * The hasher's two browser builds, WebAssembly ({@code /js/pdq.wasm}, what the worker uses) and JavaScript
 * ({@code /js/hasher.js}, its fallback), give the JVM's PDQ bit for bit in each engine, on the same pixels:
 * the three decoded vectors ({@code pdq/pixels/*.rgba}, against the reference's hashes in
 * {@code expected.tsv}) and generated images chosen to be hard (1×1 and other tiny or one-row sizes, sizes
 * around the 64 of the decimation, flat images whose coefficients tie at the median, noise, stripes, and
 * the biggest image the WebAssembly build takes), against {@link PdqHasher} on the JVM. Run in the worker script's own document, whose policy is the
 * worker's (the only one that allows compiling WebAssembly).
 */
@Tag("browser")
@QuarkusTest
class PdqWasmParityBrowserTest extends EngineFixture {
    private static final int[][] SIZES = {{1, 1}, {2, 3}, {3, 2}, {7, 5}, {63, 64}, {64, 64}, {65, 63}, {127, 1},
        {1, 127}, {300, 200}, {1000, 3}, {513, 517}};
    /** The biggest image the WebAssembly build takes ({@code PdqWasmExports.MAX_PIXELS}, 64 MiB of words). */
    private static final int[] BIGGEST = {4096, 4096};
    private static final int KINDS = 4;

    /**
     * The generated image, written once for the page and once for the JVM (below): integer operations only, so
     * that both give the same bytes. Kinds: 0 noise, 1 a horizontal gradient with two bits of noise, 2 flat grey
     * with one pixel changed, 3 vertical stripes 4 pixels wide.
     */
    private static final String GENERATE = """
            const generate = (w, h, seed, kind) => {
              const px = new Uint8ClampedArray(w * h * 4);
              for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
                let v = Math.imul(x + 1, 0x9E3779B1) ^ Math.imul(y + 1, 0x85EBCA77) ^ Math.imul(seed, 0xC2B2AE3D);
                v ^= v >>> 15; v = Math.imul(v, 0x2C1B3C6D); v ^= v >>> 12;
                let r, g, b;
                if (kind === 0) { r = v & 255; g = (v >>> 8) & 255; b = (v >>> 16) & 255; }
                else if (kind === 1) { r = Math.trunc(x * 255 / Math.max(1, w - 1)); g = (r + (v & 3)) & 255; b = 255 - r; }
                else if (kind === 2) { r = g = b = (x === (seed % w) && y === 0) ? 129 : 128; }
                else { r = g = b = ((x >> 2) & 1) * 255; }
                const i = (y * w + x) * 4;
                px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = 255;
              }
              return px;
            };
            """;

    private static byte[] generate(int w, int h, int seed, int kind) {
        byte[] px = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x + 1) * 0x9E3779B1 ^ (y + 1) * 0x85EBCA77 ^ seed * 0xC2B2AE3D;
                v ^= v >>> 15;
                v *= 0x2C1B3C6D;
                v ^= v >>> 12;
                int r;
                int g;
                int b;
                if (kind == 0) {
                    r = v & 255;
                    g = (v >>> 8) & 255;
                    b = (v >>> 16) & 255;
                } else if (kind == 1) {
                    r = x * 255 / Math.max(1, w - 1);
                    g = (r + (v & 3)) & 255;
                    b = 255 - r;
                } else if (kind == 2) {
                    r = x == seed % w && y == 0 ? 129 : 128;
                    g = r;
                    b = r;
                } else {
                    r = ((x >> 2) & 1) * 255;
                    g = r;
                    b = r;
                }
                int i = (y * w + x) * 4;
                px[i] = (byte) r;
                px[i + 1] = (byte) g;
                px[i + 2] = (byte) b;
                px[i + 3] = (byte) 255;
            }
        }
        return px;
    }

    /** Opens the worker script's document and loads both builds into {@code window.builds}. */
    private void loadBothBuilds() {
        engine.open(root + "js/hash-worker.js");
        Object loaded = engine.jsAsync("""
                const wasm = await (await import('/js/pdq-wasm.js')).loadPdq();
                const js = await import('/js/hasher.js');
                window.builds = {
                  wasm: (px, w, h) => { wasm.pixels(w * h).set(px); const r = wasm.pdq(w, h); return r.hash + ' ' + r.quality; },
                  js: (px, w, h) => { const r = js.pdq(px, w, h); return r.hash + ' ' + r.quality; },
                };
                return true;
                """);
        assertThat(loaded).as(engine.name() + ": both builds loaded in the worker's document").isEqualTo(true);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void webAssemblyAndJavaScriptBuildsGiveTheReferenceHashOfEveryPixelVector(String name) throws Exception {
        start(name);
        loadBothBuilds();
        Path pdq = Vectors.file("pdq");
        List<String> lines = Files.readAllLines(pdq.resolve("expected.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            String rgba = cells[header.indexOf("rgba_file")];
            if (line.isBlank() || rgba.isEmpty()) {
                continue;
            }
            String expected = cells[header.indexOf("pdq_hex")] + " " + cells[header.indexOf("quality")];
            @SuppressWarnings("unchecked")
            List<String> got = (List<String>) engine.js("""
                    const bin = atob(arguments[0]);
                    const px = new Uint8ClampedArray(bin.length);
                    for (let i = 0; i < bin.length; i++) px[i] = bin.charCodeAt(i);
                    const w = arguments[1], h = arguments[2];
                    return [window.builds.wasm(px, w, h), window.builds.js(px, w, h)];
                    """, Base64.getEncoder().encodeToString(Files.readAllBytes(pdq.resolve(rgba))),
                    Integer.parseInt(cells[header.indexOf("width")]), Integer.parseInt(cells[header.indexOf("height")]));
            assertThat(got).as(name + ": " + rgba + " (WebAssembly, JavaScript)").containsExactly(expected, expected);
            checked++;
        }
        assertThat(checked).as("pixel vectors").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void webAssemblyAndJavaScriptBuildsGiveTheJvmHashOfHardGeneratedImages(String name) throws Exception {
        start(name);
        loadBothBuilds();
        List<String> jvm = new ArrayList<>();
        List<Object> jobs = new ArrayList<>();
        int seed = 1;
        for (int[] size : SIZES) {
            for (int kind = 0; kind < KINDS; kind++) {
                PdqResult r = PdqHasher.hash(generate(size[0], size[1], seed, kind), size[0], size[1], 4);
                jvm.add(r.hash().toHex() + " " + r.quality());
                jobs.add(List.of(size[0], size[1], seed, kind));
                seed++;
            }
        }
        PdqResult biggest = PdqHasher.hash(generate(BIGGEST[0], BIGGEST[1], seed, 0), BIGGEST[0], BIGGEST[1], 4);
        jvm.add(biggest.hash().toHex() + " " + biggest.quality());
        jobs.add(List.of(BIGGEST[0], BIGGEST[1], seed, 0));
        @SuppressWarnings("unchecked")
        List<List<String>> got = (List<List<String>>) engine.js(GENERATE + """
                return arguments[0].map(([w, h, seed, kind]) => {
                  const px = generate(w, h, seed, kind);
                  return [window.builds.wasm(px, w, h), window.builds.js(px, w, h)];
                });
                """, jobs);
        assertThat(got).hasSize(jvm.size());
        for (int i = 0; i < jvm.size(); i++) {
            assertThat(got.get(i)).as(name + ": generated image " + jobs.get(i) + " (WebAssembly, JavaScript)")
                    .containsExactly(jvm.get(i), jvm.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void webAssemblyBuildRefusesRoomItCannotGiveAndSizesThatAreNotTheRoomAskedForAndGrowsForBiggerPhotos(String name) throws Exception {
        start(name);
        engine.open(root + "js/hash-worker.js");
        @SuppressWarnings("unchecked")
        List<Object> got = (List<Object>) engine.jsAsync("""
                const wasm = await (await import('/js/pdq-wasm.js')).loadPdq();
                const refused = (fn) => { try { fn(); return 'hashed'; } catch (e) { return e.message; } };
                const out = [wasm.maxPixels, wasm.pixels(0), wasm.pixels(wasm.maxPixels + 1), wasm.pixels(-1)];
                wasm.pixels(6).fill(200);
                out.push(refused(() => wasm.pdq(2, 2)), refused(() => wasm.pdq(6, 0)), wasm.pdq(2, 3).quality);
                // Room for a bigger photo after a big one, within the module's 80 MiB: the old block is released.
                for (const n of [10000000, wasm.maxPixels, 12000000, wasm.maxPixels]) out.push(wasm.pixels(n) !== null);
                return out;
                """);
        assertThat(got).as(name).containsExactly(16L * 1024 * 1024, null, null, null,
                "pdq.wasm: 2x2 is not the room asked for", "pdq.wasm: 6x0 is not the room asked for", 0L,
                true, true, true, true);
    }
}
