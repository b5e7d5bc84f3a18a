package org.takeitdown.portal.web.engine;

import java.util.List;
import java.util.stream.Stream;
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
        return List.of("chromium").stream();
    }

    public static Engine start(String name) throws Exception {
        return switch (name) {
            case "chromium" -> {
                ChromeDriver driver = Browser.start();
                yield new SeleniumEngine("chromium", driver, () -> { });
            }
            default -> throw new IllegalArgumentException("unknown engine " + name);
        };
    }
}
