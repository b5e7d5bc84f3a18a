package org.takeitdown.portal.web.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Engine} method means the same in each engine, on two small pages served by the JDK. */
class EngineContractTest {
    private static final String FIRST = """
            <!doctype html><html lang="en"><head><title>First</title></head><body>
            <button id="b" style="margin-top:1500px" onclick="document.body.dataset.clicked = event.isTrusted">Click</button>
            <input id="t"><input id="f" type="file" multiple>
            <a id="next" href="/second">Next</a>
            <script>
              window.keys = [];
              addEventListener('keydown', e => keys.push(e.key + (e.isTrusted ? '' : '!')));
            </script></body></html>""";
    private static final String WARNS = """
            <!doctype html><html><head><title>Warns</title></head><body><button id="w">Tap</button>
            <script>addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = ''; });</script>
            </body></html>""";
    private static final String SECOND = "<!doctype html><html><head><title>Second</title></head><body>2</body></html>";

    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private Engine engine;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] page = (path.equals("/second") ? SECOND : path.equals("/warns") ? WARNS : FIRST)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        server.stop(0);
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void scriptsReturnJsonLikeValuesAndPassArguments(String name) throws Exception {
        engine = Engines.start(name);
        engine.open(base + "/");
        assertThat(engine.title()).isEqualTo("First");
        assertThat(engine.js("return 1 + 1;")).isEqualTo(2L);
        assertThat(engine.js("return 0.5;")).isEqualTo(0.5);
        assertThat(engine.js("return null;")).isNull();
        assertThat(engine.js("return arguments[0] + arguments[1].length + arguments[2].k;", "a", List.of(1, 2), Map.of("k", "v")))
                .isEqualTo("a2v");
        assertThat(engine.js("return {a: [1, 'x', true, {b: null}]};"))
                .isEqualTo(Map.of("a", List.of(1L, "x", true, java.util.Collections.singletonMap("b", null))));
        assertThat(engine.jsAsync("await new Promise(r => setTimeout(r, 50)); return arguments[0] * 2;", 21)).isEqualTo(42L);
        assertThatThrownBy(() -> engine.jsAsync("throw new Error('boom');")).isInstanceOf(Throwable.class)
                .hasMessageContaining("boom");
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void clicksTypingKeysFilesHistoryAndViewportActAsAUser(String name) throws Exception {
        engine = Engines.start(name);
        engine.viewport(360, 740);
        engine.open(base + "/");
        assertThat(engine.js("return [innerWidth, innerHeight];")).isEqualTo(List.of(360L, 740L));
        engine.click("#b");
        assertThat(engine.js("return document.body.dataset.clicked;")).as("a trusted click below the fold").isEqualTo("true");
        engine.type("#t", "Ab1-");
        assertThat(engine.js("return document.getElementById('t').value;")).isEqualTo("Ab1-");
        engine.js("keys.length = 0;");
        engine.pressKeys(Engine.SHIFT, Engine.SHIFT, Engine.SHIFT);
        assertThat(engine.js("return keys;")).isEqualTo(List.of("Shift", "Shift", "Shift"));

        Path a = Files.writeString(tmp.resolve("a.txt"), "abc");
        Path b = Files.writeString(tmp.resolve("b.txt"), "defg");
        engine.setFiles("#f", List.of(a, b));
        assertThat(engine.js("return Array.from(document.getElementById('f').files).map(f => f.name + ':' + f.size);"))
                .isEqualTo(List.of("a.txt:3", "b.txt:4"));

        engine.click("#next");
        engine.waitFor("document.title === 'Second'", Duration.ofSeconds(10), "the second page");
        assertThat(engine.url()).isEqualTo(base + "/second");
        engine.back();
        engine.waitFor("document.title === 'First'", Duration.ofSeconds(10), "back on the first page");
        assertThat(engine.url()).isEqualTo(base + "/");
        engine.forward();
        engine.waitFor("document.title === 'Second'", Duration.ofSeconds(10), "forward to the second page");
        assertThat(engine.text("body")).isEqualTo("2");
        assertThat(engine.text("#none")).isNull();
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void openLeavesAPageThatWarnsBeforeUnloadAsClassicWebDriverDoes(String name) throws Exception {
        engine = Engines.start(name);
        engine.open(base + "/warns");
        engine.click("#w");
        engine.open(base + "/second");
        assertThat(engine.title()).isEqualTo("Second");
    }

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aClosedEngineIsKeptForTheNextTestOnABlankPageAtItsFirstSize(String name) throws Exception {
        Engine first = Engines.start(name);
        engine = first;
        Object size = first.js("return [innerWidth, innerHeight];");
        first.viewport(360, 740);
        first.open(base + "/warns");
        first.click("#w");
        first.close();
        engine = null;

        engine = Engines.start(name);
        assertThat(engine).as("the same browser, not a new one").isSameAs(first);
        assertThat(engine.url()).isEqualTo("about:blank");
        assertThat(engine.js("return [innerWidth, innerHeight];")).isEqualTo(size);

        Engine second = Engines.start(name);
        try {
            assertThat(second).as("an engine in use is never handed out twice").isNotSameAs(first);
        } finally {
            second.quit();
        }
    }
}
