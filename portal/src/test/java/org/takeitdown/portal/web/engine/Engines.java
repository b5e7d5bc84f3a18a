package org.takeitdown.portal.web.engine;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.takeitdown.portal.web.Browser;

/**
 * The engines the cross-engine browser tests run in. A test takes an engine name as a JUnit parameter
 * ({@code @ParameterizedTest @MethodSource("org.takeitdown.portal.web.engine.Engines#names")}) and calls
 * {@link #start(String)}, which skips the test with a message when that engine is not installed.
 */
public final class Engines {
    private Engines() {
    }

    /** Every engine the suite knows; each test run skips the absent ones. */
    public static Stream<String> names() {
        return List.of("chromium", "firefox", "webkit").stream();
    }

    public static Engine start(String name) throws Exception {
        return switch (name) {
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
    }
}
