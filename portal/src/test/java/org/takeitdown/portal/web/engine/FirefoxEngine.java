package org.takeitdown.portal.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.takeitdown.portal.web.engine.BidiConnection.BidiException;

/**
 * Debian's Firefox ESR driven over WebDriver BiDi (no geckodriver): a headless browser on a fresh profile
 * whose user.js switches off every background connection, and a small BiDi client for the commands the
 * {@link Engine} interface needs.
 */
final class FirefoxEngine implements Engine {
    static final File BINARY = new File("/usr/bin/firefox-esr");
    private static final Duration COMMAND = Duration.ofSeconds(60);
    /** How long a click or key press is given to start a navigation, which is then awaited (as chromedriver does). */
    private static final long NAVIGATION_START_MILLIS = 100;
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    /** No updates, telemetry, studies, remote settings, safe browsing, prefetching or first-run pages: the network is closed. */
    private static final String USER_JS = String.join("\n",
            "user_pref('app.update.disabledForTesting', true);",
            "user_pref('app.update.auto', false);",
            "user_pref('app.normandy.enabled', false);",
            "user_pref('app.shield.optoutstudies.enabled', false);",
            "user_pref('messaging-system.rsexperimentloader.enabled', false);",
            "user_pref('services.settings.server', 'http://127.0.0.1:9/');",
            "user_pref('datareporting.policy.dataSubmissionEnabled', false);",
            "user_pref('datareporting.healthreport.uploadEnabled', false);",
            "user_pref('toolkit.telemetry.enabled', false);",
            "user_pref('toolkit.telemetry.unified', false);",
            "user_pref('toolkit.telemetry.server', '');",
            "user_pref('browser.ping-centre.telemetry', false);",
            "user_pref('browser.safebrowsing.malware.enabled', false);",
            "user_pref('browser.safebrowsing.phishing.enabled', false);",
            "user_pref('browser.safebrowsing.downloads.enabled', false);",
            "user_pref('browser.safebrowsing.provider.google4.updateURL', '');",
            "user_pref('browser.safebrowsing.provider.mozilla.updateURL', '');",
            "user_pref('extensions.update.enabled', false);",
            "user_pref('extensions.getAddons.cache.enabled', false);",
            "user_pref('extensions.blocklist.enabled', false);",
            "user_pref('browser.search.update', false);",
            "user_pref('browser.region.update.enabled', false);",
            "user_pref('browser.region.network.url', '');",
            "user_pref('geo.provider.network.url', '');",
            "user_pref('media.gmp-manager.url', '');",
            "user_pref('network.captive-portal-service.enabled', false);",
            "user_pref('network.connectivity-service.enabled', false);",
            "user_pref('captivedetect.canonicalURL', '');",
            "user_pref('network.dns.disablePrefetch', true);",
            "user_pref('network.prefetch-next', false);",
            "user_pref('network.http.speculative-parallel-limit', 0);",
            "user_pref('browser.shell.checkDefaultBrowser', false);",
            "user_pref('browser.startup.homepage_override.mstone', 'ignore');",
            "user_pref('browser.startup.page', 0);",
            "user_pref('browser.startup.homepage', 'about:blank');",
            "user_pref('startup.homepage_welcome_url', 'about:blank');",
            "user_pref('startup.homepage_welcome_url.additional', '');",
            "user_pref('browser.aboutwelcome.enabled', false);",
            "user_pref('browser.newtabpage.enabled', false);",
            "user_pref('trailhead.firstrun.didSeeAboutWelcome', true);",
            "") + "\n";

    private final Process process;
    private final Path profile;
    private final BidiConnection bidi;
    private final String context;
    private final Deque<String> log;
    private final AtomicLong navigationsStarted = new AtomicLong();
    private final AtomicLong navigationsEnded = new AtomicLong();

    private FirefoxEngine(Process process, Path profile, BidiConnection bidi, String context, Deque<String> log) {
        this.process = process;
        this.profile = profile;
        this.bidi = bidi;
        this.context = context;
        this.log = log;
    }

    static FirefoxEngine start() throws Exception {
        Path profile = Files.createTempDirectory("firefox-profile");
        Files.writeString(profile.resolve("user.js"), USER_JS);
        ProcessBuilder builder = new ProcessBuilder(BINARY.getPath(), "--headless", "--no-remote",
                "--remote-debugging-port=0", "--profile", profile.toString(), "about:blank");
        builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
        builder.environment().put("XDG_CONFIG_HOME", profile.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", profile.resolve("cache").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        Deque<String> log = new ArrayDeque<>();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                    synchronized (log) {
                        log.addLast(line);
                        if (log.size() > 40) {
                            log.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the browser has gone
            }
            endpoint.completeExceptionally(new IllegalStateException("Firefox exited before listening: " + log));
        }, "firefox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String ws = endpoint.get(60, TimeUnit.SECONDS);
            BidiConnection bidi = BidiConnection.open(URI.create(ws + "/session"));
            Map<String, Object> prompts = Map.of("default", "dismiss", "beforeUnload", "accept");
            bidi.send("session.new", Map.of("capabilities", Map.of("alwaysMatch",
                    Map.of("acceptInsecureCerts", false, "unhandledPromptBehavior", prompts))), COMMAND);
            JsonNode tree = bidi.send("browsingContext.getTree", Map.of("maxDepth", 0), COMMAND);
            String context = tree.path("contexts").get(0).path("context").asText();
            // A headless window never has system focus; activating the context gives the document focus, so
            // :focus and :focus-within match as for a person using the page.
            bidi.send("browsingContext.activate", Map.of("context", context), COMMAND);
            FirefoxEngine engine = new FirefoxEngine(process, profile, bidi, context, log);
            bidi.onEvent(engine::event);
            bidi.send("session.subscribe", Map.of("events",
                    List.of("browsingContext.navigationStarted", "browsingContext.load",
                            "browsingContext.domContentLoaded", "browsingContext.navigationFailed")), COMMAND);
            return engine;
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private void event(JsonNode message) {
        if (!context.equals(message.path("params").path("context").asText())) {
            return;
        }
        switch (message.path("method").asText()) {
            case "browsingContext.navigationStarted" -> navigationsStarted.incrementAndGet();
            // A navigation ends with its page loaded, or failed, or on Firefox's error page, which never fires a load
            // event: Quick exit's neutral page is out of reach here, and waiting for a load took the whole timeout.
            case "browsingContext.load", "browsingContext.navigationFailed" -> navigationsEnded.incrementAndGet();
            case "browsingContext.domContentLoaded" -> {
                if (message.path("params").path("url").asText().startsWith("about:neterror")) {
                    navigationsEnded.incrementAndGet();
                }
            }
            default -> { }
        }
    }

    @Override
    public String name() {
        return "firefox";
    }

    @Override
    public void open(String url) {
        bidi.send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"), COMMAND);
    }

    @Override
    public Object js(String body, Object... args) {
        return call("function () {" + body + "\n}", false, args);
    }

    @Override
    public Object jsAsync(String body, Object... args) {
        return call("async function () {" + body + "\n}", true, args);
    }

    private Object call(String function, boolean await, Object... args) {
        JsonNode result = retryDuringNavigation(() -> callRaw(function, await, args));
        if ("exception".equals(result.path("type").asText())) {
            throw new AssertionError(name() + ": script failed: " + result.path("exceptionDetails").path("text").asText()
                    + " " + result.path("exceptionDetails").path("stackTrace"));
        }
        return BidiValues.deserialise(result.path("result"));
    }

    private JsonNode callRaw(String function, boolean await, Object... args) {
        List<Object> serialised = new ArrayList<>();
        for (Object arg : args) {
            serialised.add(BidiValues.serialise(arg));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("functionDeclaration", function);
        params.put("arguments", serialised);
        params.put("target", Map.of("context", context));
        params.put("awaitPromise", await);
        params.put("resultOwnership", "none");
        return bidi.send("script.callFunction", params, COMMAND);
    }

    /** A script sent while the page is being replaced can hit the old document as it goes: try again on the new one. */
    private JsonNode retryDuringNavigation(java.util.function.Supplier<JsonNode> command) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return command.get();
            } catch (BidiException e) {
                if (System.nanoTime() > end || "invalid argument".equals(e.error)) {
                    throw new AssertionError(name() + ": " + e.getMessage(), e);
                }
                sleep(50);
            }
        }
    }

    /** The shared id of the first element matching the selector, scrolled to the middle of the viewport. */
    private String element(String css, boolean mustBeVisible) {
        JsonNode node = retryDuringNavigation(() -> callRaw("function (s, visible) {"
                + "const e = document.querySelector(s); if (!e) return 'missing';"
                + "if (visible && e.getClientRects().length === 0) return 'hidden';"
                + "e.scrollIntoView({block: 'center', inline: 'center'}); return e; }", false, css, mustBeVisible));
        JsonNode value = node.path("result");
        if (!"node".equals(value.path("type").asText())) {
            throw new AssertionError(name() + ": element " + css + " is " + value.path("value").asText()
                    + ("exception".equals(node.path("type").asText()) ? node.path("exceptionDetails").toString() : ""));
        }
        return value.path("sharedId").asText();
    }

    private void perform(Map<String, Object> source) {
        long before = navigationsStarted.get();
        long endedBefore = navigationsEnded.get();
        bidi.send("input.performActions", Map.of("context", context, "actions", List.of(source)), COMMAND);
        bidi.send("input.releaseActions", Map.of("context", context), COMMAND);
        awaitNavigation(before, endedBefore);
    }

    private void awaitNavigation(long startedBefore, long endedBefore) {
        long startBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NAVIGATION_START_MILLIS);
        while (navigationsStarted.get() == startedBefore && System.nanoTime() < startBy) {
            sleep(10);
        }
        if (navigationsStarted.get() == startedBefore) {
            return;
        }
        long end = System.nanoTime() + COMMAND.toNanos();
        while (navigationsEnded.get() == endedBefore && System.nanoTime() < end) {
            sleep(20);
        }
    }

    @Override
    public void click(String css) {
        String element = element(css, true);
        Map<String, Object> origin = Map.of("type", "element", "element", Map.of("sharedId", element));
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", List.of(
                Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", origin),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
    }

    @Override
    public void type(String css, String text) {
        element(css, true);
        call("function (s) { const e = document.querySelector(s); e.focus();"
                + "try { e.setSelectionRange(e.value.length, e.value.length); } catch (ignored) { } }", false, css);
        List<Map<String, Object>> actions = new ArrayList<>();
        text.codePoints().mapToObj(Character::toString).forEach(key -> {
            actions.add(Map.of("type", "keyDown", "value", key));
            actions.add(Map.of("type", "keyUp", "value", key));
        });
        perform(Map.of("type", "key", "id", "keyboard", "actions", actions));
    }

    @Override
    public void setFiles(String css, List<Path> files) {
        String element = element(css, false);
        bidi.send("input.setFiles", Map.of("context", context, "element", Map.of("sharedId", element),
                "files", files.stream().map(p -> p.toAbsolutePath().toString()).toList()), COMMAND);
    }

    @Override
    public void pressKeys(String... keys) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String key : keys) {
            actions.add(Map.of("type", "keyDown", "value", key));
            actions.add(Map.of("type", "keyUp", "value", key));
        }
        perform(Map.of("type", "key", "id", "keyboard", "actions", actions));
    }

    @Override
    public void back() {
        traverse(-1);
    }

    @Override
    public void forward() {
        traverse(1);
    }

    /** Like classic WebDriver's Back and Forward: nothing happens when there is no entry that way. */
    private void traverse(int delta) {
        try {
            bidi.send("browsingContext.traverseHistory", Map.of("context", context, "delta", delta), COMMAND);
        } catch (BidiException e) {
            if ("no such history entry".equals(e.error)) {
                return;
            }
            throw new AssertionError(name() + ": " + e.getMessage(), e);
        }
        waitFor("document.readyState === 'complete'", COMMAND, "the page after going " + (delta < 0 ? "back" : "forward"));
    }

    @Override
    public String url() {
        JsonNode tree = bidi.send("browsingContext.getTree", Map.of("root", context, "maxDepth", 0), COMMAND);
        return tree.path("contexts").get(0).path("url").asText();
    }

    @Override
    public String title() {
        return (String) js("return document.title;");
    }

    @Override
    public void viewport(int width, int height) {
        bidi.send("browsingContext.setViewport", Map.of("context", context,
                "viewport", Map.of("width", width, "height", height)), COMMAND);
    }

    /** The last lines Firefox printed, for a failure message. */
    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void quit() {
        Engines.forget(this);
        try {
            bidi.send("browser.close", Map.of(), Duration.ofSeconds(10));
        } catch (RuntimeException | AssertionError ignored) {
            // killed below
        }
        bidi.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
