package org.takeitdown.portal.web.engine;

import java.io.File;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.portal.web.Browser;

/**
 * The engines the cross-engine browser tests run in. A test takes an engine name as a JUnit parameter
 * ({@code @ParameterizedTest @MethodSource("org.takeitdown.portal.web.engine.Engines#names")}) and calls
 * {@link #start(String)}, which skips the test with a message when that engine is not installed.
 *
 * <p>Starting a browser takes one to three seconds (six or more on a slow machine), once per test and engine. So an
 * engine a test closes is not quit but {@link #keep kept}: taken to {@code about:blank} (which leaves a page that warns
 * before unloading, as {@link EngineContractTest} checks) at the window size it started with, and handed to the next
 * test of that engine in this JVM. What a test sets up lives in its pages (scripts, overrides), which the blank page
 * ends; the pages keep nothing in the browser (no cookies or storage, scripts revalidated on every use). The browser
 * may still hold the previous test's page, and its workers, in its back/forward cache: a test that looks at the
 * browser's targets rather than its page tells its own apart ({@code WorkerHeap.attach(driver, earlier)}). Engines
 * still kept when the JVM ends are quit then.
 */
public final class Engines {
    /** At most one kept engine per name; a second closed at the same time is quit. */
    private static final Map<String, Engine> KEPT = new ConcurrentHashMap<>();
    /**
     * The engines {@link #start} made and not yet quit, with the inner window size each had when it started, restored
     * when it is kept; only these are kept when closed.
     */
    private static final Map<Engine, List<Long>> FIRST_SIZE = Collections.synchronizedMap(new IdentityHashMap<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> KEPT.values().forEach(Engine::quit), "engines-quit"));
    }

    private Engines() {
    }

    /** Every engine the suite knows; each test run skips the absent ones. */
    public static Stream<String> names() {
        return List.of("chromium", "firefox", "webkit").stream();
    }

    /** The engine of that name kept from an earlier test, or a new one; skips the test when it is not installed. */
    public static Engine start(String name) throws Exception {
        Engine kept = KEPT.remove(name);
        if (kept != null) {
            return kept;
        }
        Engine engine = switch (name) {
            case "chromium" -> {
                ChromeDriver driver = Browser.start();
                yield new SeleniumEngine("chromium", driver, () -> { });
            }
            case "firefox" -> {
                Assumptions.assumeTrue(FirefoxEngine.BINARY.canExecute(),
                        "Firefox ESR is not installed (apt-get install firefox-esr): firefox browser test skipped");
                yield FirefoxEngine.start();
            }
            case "webkit" -> {
                Optional<File> miniBrowser = WebKitEngine.miniBrowser();
                Assumptions.assumeTrue(WebKitEngine.DRIVER.canExecute() && miniBrowser.isPresent()
                        && WebKitEngine.XVFB.canExecute(), "WebKitGTK is not installed (apt-get install "
                        + "webkit2gtk-driver xvfb): webkit browser test skipped");
                yield WebKitEngine.start(miniBrowser.get());
            }
            default -> throw new IllegalArgumentException("unknown engine " + name);
        };
        @SuppressWarnings("unchecked")
        List<Long> size = (List<Long>) engine.js("return [window.innerWidth, window.innerHeight];");
        FIRST_SIZE.put(engine, size);
        return engine;
    }

    /**
     * Resets an engine from {@link #start} that a test closed and keeps it for the next test; false when another made
     * it, or it could not be reset, or one of its name is kept already, and the caller quits it.
     */
    static boolean keep(Engine engine) {
        List<Long> size = FIRST_SIZE.get(engine);
        if (size == null) {
            return false;
        }
        boolean kept = false;
        try {
            engine.open("about:blank");
            engine.viewport(size.get(0).intValue(), size.get(1).intValue());
            kept = "about:blank".equals(engine.url()) && KEPT.putIfAbsent(engine.name(), engine) == null;
        } catch (RuntimeException | AssertionError broken) {
            kept = false;
        }
        return kept;
    }

    /** Called as an engine quits: it is no longer one to keep. */
    static void forget(Engine engine) {
        FIRST_SIZE.remove(engine);
    }
}
