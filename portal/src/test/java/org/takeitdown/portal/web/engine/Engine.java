package org.takeitdown.portal.web.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One browser engine as the cross-engine tests see it: Chromium and WebKitGTK over classic WebDriver
 * (Selenium), Firefox ESR over WebDriver BiDi. Elements are named by CSS selector; values crossing from the
 * page are JSON-like (String, Long/Double, Boolean, List, Map, null).
 */
public interface Engine extends AutoCloseable {
    /** WebDriver key code of Shift, for {@link #pressKeys}. */
    String SHIFT = "\uE008";
    /** WebDriver key code of Tab, for {@link #pressKeys}. */
    String TAB = "\uE004";

    /** "chromium", "firefox" or "webkit". */
    String name();

    void open(String url);

    /** Runs a function body ({@code return ...;}) with {@code arguments[i]} bound to args; returns its value. */
    Object js(String body, Object... args);

    /** Runs an async function body whose returned promise is awaited; returns its value. */
    Object jsAsync(String body, Object... args);

    /** A real (trusted) click at the centre of the first element matching the selector. */
    void click(String css);

    /** Types text into the first element matching the selector, as a user would. */
    void type(String css, String text);

    /** Selects files in an {@code <input type=file>}, as a user picking them would. */
    void setFiles(String css, List<Path> files);

    /** Presses and releases each key in turn (characters or WebDriver key codes such as {@link #SHIFT}). */
    void pressKeys(String... keys);

    void back();

    void forward();

    String url();

    String title();

    /** Sets the window's inner size in CSS pixels (phones: 360×740). */
    void viewport(int width, int height);

    /** Polls the JS expression until it is truthy; fails with the message after the timeout. */
    default void waitFor(String expression, Duration timeout, String message) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object value = js("return !!(" + expression + ");");
            if (Boolean.TRUE.equals(value)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(name() + ": " + message + " (waited " + timeout.toSeconds() + " s for "
                        + expression + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the first element matching the selector exists, has a box and is not {@code visibility: hidden}. */
    default void waitVisible(String css, Duration timeout) {
        String quoted = "'" + css.replace("\\", "\\\\").replace("'", "\\'") + "'";
        waitFor("(e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')"
                + "(document.querySelector(" + quoted + "))", timeout, css + " visible");
    }

    /** Text content of the first element matching the selector, or null when there is none. */
    default String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
    }

    /**
     * Done with the engine: one from {@link Engines#start} is reset and kept for the next test that asks for its
     * name ({@link Engines#keep}), any other is {@link #quit}.
     */
    @Override
    default void close() {
        if (!Engines.keep(this)) {
            quit();
        }
    }

    /** Ends the browser and its driver for good. */
    void quit();
}
