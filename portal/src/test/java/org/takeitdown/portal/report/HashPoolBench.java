package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.portal.web.Browser;

/**
 * Benchmark, not a test (its name keeps it out of the suite; run it by name, see the README): 20 photos
 * of 12 MP hashed in headless Chromium by the page's worker pool and by one worker, rounds alternating,
 * printing each round, the medians and their ratio from this one run. The page's scripts are served
 * from the classpath by a plain JDK server on 127.0.0.1, so no portal is started.
 */
class HashPoolBench {
    private static final int PHOTOS = Integer.getInteger("bench.photos", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int PORT = Integer.getInteger("bench.port", 8492);
    /** 4000×3000: a 12 MP phone camera's photo. */
    private static final int WIDTH = 4000;
    private static final int HEIGHT = 3000;

    /** The bench page: {@code run(size)} hashes the chosen files with a pool of that many workers. */
    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>Pool benchmark</title>
            <input type="file" id="files" multiple>
            <script type="module">
            import { HashPool, poolSize } from '/js/hash-pool.js';
            window.poolSize = poolSize();
            window.run = (size) => new Promise((resolve) => {
              const files = [...document.getElementById('files').files];
              const pdq = new Array(files.length);
              let left = files.length;
              const start = performance.now();
              const pool = new HashPool({ size, onMessage: ({ data: d }) => {
                if (d.type !== 'done' && d.type !== 'error') return;
                pdq[d.id] = d.type === 'done' ? d.result.md5 + ' ' + d.result.pdq : 'error';
                if (--left > 0) return;
                const ms = performance.now() - start;
                pool.close();
                resolve({ ms, pdq });
              } });
              files.forEach((f, i) => pool.add(i, f));
            });
            </script>
            """;

    @TempDir
    Path dir;

    @Test
    void poolVersusOneWorkerOn12MegapixelPhotos() throws Exception {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            Path photo = dir.resolve("photo-" + i + ".jpg");
            CameraPhotos.writeJpeg(photo, WIDTH, HEIGHT, i + 1);
            photos.add(photo);
        }
        HttpServer server = serve();
        ChromeDriver driver = Browser.start();
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            driver.get("http://127.0.0.1:" + PORT + "/bench.html");
            driver.findElement(By.id("files")).sendKeys(String.join("\n", photos.stream().map(Path::toString).toList()));
            JavascriptExecutor js = driver;
            long size = ((Number) js.executeScript("return window.poolSize;")).longValue();
            System.out.printf(Locale.ROOT, "machine: %d cores (navigator.hardwareConcurrency %s), load average %s, %s, %s%n",
                    Runtime.getRuntime().availableProcessors(), js.executeScript("return navigator.hardwareConcurrency;"),
                    Files.readString(Path.of("/proc/loadavg")).trim(), Instant.now(), driver.getCapabilities().getBrowserVersion());
            System.out.printf(Locale.ROOT, "%d photos of %d×%d JPEG (%d MB in all); pool of %d workers vs 1 worker%n",
                    PHOTOS, WIDTH, HEIGHT, photos.stream().mapToLong(p -> p.toFile().length()).sum() / 1_000_000, size);
            double[] pool = new double[ROUNDS];
            double[] one = new double[ROUNDS];
            Object reference = null;
            for (int r = 0; r < ROUNDS; r++) {
                // Alternate which goes first, so a change in the machine's load falls on both.
                for (int k = 0; k < 2; k++) {
                    boolean usePool = (r + k) % 2 == 0;
                    double cpuBefore = browserCpuSeconds();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
                            "const done = arguments[arguments.length - 1]; window.run(arguments[0]).then(done);",
                            usePool ? size : 1);
                    double ms = ((Number) result.get("ms")).doubleValue();
                    double cpu = browserCpuSeconds() - cpuBefore;
                    (usePool ? pool : one)[r] = ms;
                    System.out.printf(Locale.ROOT, "round %d: %-8s %8.0f ms (%.0f ms a photo); browser CPU %.1f s, "
                            + "%.2f cores busy on average%n", r + 1, usePool ? "pool" : "1 worker", ms, ms / PHOTOS, cpu,
                            cpu * 1000 / ms);
                    if (reference == null) {
                        reference = result.get("pdq");
                    }
                    assertThat(result.get("pdq")).as("the same hashes every run").isEqualTo(reference);
                }
            }
            double poolMedian = median(pool);
            double oneMedian = median(one);
            System.out.printf(Locale.ROOT, "median: pool %.0f ms, 1 worker %.0f ms; ratio 1 worker / pool %.2f "
                    + "(target >= 1.7 on 2 cores)%n", poolMedian, oneMedian, oneMedian / poolMedian);
        } finally {
            driver.quit();
            server.stop(0);
        }
    }

    /**
     * CPU time used so far by this JVM's child processes (chromedriver and the browser it started): how
     * many cores the browser got, which on a busy shared machine is what limits the pool.
     */
    private static double browserCpuSeconds() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum() / 1000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The bench page and the portal's scripts and {@code pdq.wasm} ({@code META-INF/resources/js} on the classpath). */
    private static HttpServer serve() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            String type = "text/javascript; charset=utf-8";
            if (path.equals("/bench.html")) {
                body = PAGE.getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else if (path.matches("/js/[a-z0-9-]+\\.(js|wasm)")) {
                try (InputStream in = HashPoolBench.class.getResourceAsStream("/META-INF/resources" + path)) {
                    body = in == null ? null : in.readAllBytes();
                }
                if (path.endsWith(".wasm")) {
                    type = "application/wasm";
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
