package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.portal.web.engine.EngineFixture;

/**
 * Where {@code /js/pdq.wasm} can't be had (here the server refuses it, {@link WasmOutage}), the hashing page
 * still hashes every picked image, with the JavaScript build ({@code /js/hasher.js}) and the CLI's bits: the
 * PNG vectors that decode to the same pixels everywhere, in each engine.
 */
@Tag("browser")
@QuarkusTest
class PdqFallbackBrowserTest extends EngineFixture {
    @AfterEach
    void endOutage() {
        WasmOutage.stop();
    }

    /** The first few {@code png-exact} vectors with bytes of their own. */
    private static List<Path> exactPngs() throws Exception {
        List<Path> exact = PdqVectorsBrowserTest.vectors().stream()
                .filter(v -> "png-exact".equals(v.decodeClass())).map(PdqVectorsBrowserTest.Vector::file).toList();
        return HashPage.distinct(exact, p -> p).subList(0, 4);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void withoutTheWebAssemblyBuildImagesAreHashedByTheJavaScriptBuildWithTheSameBits(String name) throws Exception {
        List<Path> files = exactPngs();
        WasmOutage.start();
        start(name);
        engine.open(root + "hash");
        HashPage.hashAll(engine, files, Duration.ofSeconds(120), "every image hashed");
        List<Map<String, Object>> rows = HashPage.rows(engine);
        assertThat(rows).hasSize(files.size());
        assertThat(WasmOutage.REFUSED.get()).as(name + ": the worker asked for pdq.wasm and was refused").isPositive();
        for (int i = 0; i < files.size(); i++) {
            assertThat(rows.get(i)).as(name + ": " + files.get(i).getFileName())
                    .containsEntry("build", "js")
                    .containsEntry("pdq", FileHasher.hash(files.get(i)).pdq.hash().toHex());
        }
    }
}
