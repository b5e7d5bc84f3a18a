package org.takeitdown.portal.web.engine;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;

/**
 * What the browser tests that keep one engine a test share: the test server's root, the engine
 * {@link #start}ed for the test, and its closing after the test (after the subclass's own
 * {@code @AfterEach} methods, as JUnit runs a superclass's last).
 */
public abstract class EngineFixture {
    @TestHTTPResource("/")
    protected URL root;

    protected Engine engine;

    /** Starts the named engine for this test; skips the test when that engine is not installed ({@link Engines#start}). */
    protected Engine start(String name) throws Exception {
        engine = Engines.start(name);
        return engine;
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
