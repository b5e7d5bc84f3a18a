package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.rules.JpegIcc;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * What lets {@code hash-worker.js} decode a JPEG without an ICC profile with the browser's default options
 * ({@code 'untagged-jpeg'}, which it does in Blink only, where that is faster): in each engine, every such vector JPEG decodes to the very pixels the unmanaged
 * decode ({@code colorSpaceConversion} and {@code premultiplyAlpha} {@code 'none'}, the CLI's pixels) gives,
 * EXIF-rotated, CMYK and tiny ones included. The JPEGs with a profile are decoded both ways too and only
 * reported: there the default decode converts colours, which is why the page decodes them unmanaged.
 */
@Tag("browser")
@QuarkusTest
class JpegDecodeBrowserTest extends EngineFixture {
    private static List<Path> jpegs() throws IOException {
        try (Stream<Path> walk = Files.walk(Vectors.file("pdq"))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aJpegWithoutAProfileDecodesToTheSamePixelsWithTheDefaultOptions(String name) throws Exception {
        List<Path> files = jpegs();
        List<JpegIcc> icc = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            icc.add(JpegIcc.of(bytes, bytes.length));
        }
        assertThat(icc).as("vector JPEGs with and without a profile").contains(JpegIcc.ABSENT, JpegIcc.PRESENT)
                .doesNotContain(JpegIcc.UNKNOWN);
        start(name);
        engine.open(root + "hash");
        HashPage.chooseInOwnInput(engine, "decode-files", files);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decoded = (List<Map<String, Object>>) engine.jsAsync("""
                const { md5Hex } = await import('/js/hasher.js');
                const pixels = async (file, how) => {
                  const bitmap = await createImageBitmap(file, {
                    colorSpaceConversion: how, premultiplyAlpha: how, imageOrientation: 'from-image' });
                  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
                  const ctx = canvas.getContext('2d', { willReadFrequently: true });
                  ctx.drawImage(bitmap, 0, 0);
                  const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
                  bitmap.close();
                  return { size: canvas.width + 'x' + canvas.height, md5: md5Hex(new Uint8Array(px.buffer)) };
                };
                const out = [];
                for (const file of document.getElementById('decode-files').files) {
                  out.push({ unmanaged: await pixels(file, 'none'), defaults: await pixels(file, 'default') });
                }
                return out;
                """);
        assertThat(decoded).hasSize(files.size());

        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("JPEG decodes in " + name + ", default options vs unmanaged:\n");
        for (int i = 0; i < files.size(); i++) {
            String label = files.get(i).getParent().getFileName() + "/" + files.get(i).getFileName();
            boolean same = decoded.get(i).get("unmanaged").equals(decoded.get(i).get("defaults"));
            report.append(String.format("  %-4s %-44s profile %-8s %s%n", name.substring(0, 3), label,
                    icc.get(i).jsName(), same ? "same pixels" : "different pixels"));
            if (icc.get(i) == JpegIcc.ABSENT && !same) {
                failures.add(label);
            }
        }
        System.out.print(report);
        assertThat(failures).as(name + ": JPEGs without a profile whose default decode differs").isEmpty();
    }
}
