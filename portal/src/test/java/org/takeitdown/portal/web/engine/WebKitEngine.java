package org.takeitdown.portal.web.engine;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * WebKitGTK: Debian's WebKitWebDriver driving MiniBrowser in automation mode, on an Xvfb display of its own
 * started here, through Selenium's {@link RemoteWebDriver}.
 */
final class WebKitEngine {
    static final File DRIVER = new File("/usr/bin/WebKitWebDriver");
    static final File XVFB = new File("/usr/bin/Xvfb");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final String TOOLBAR_CSS = "headerbar *, toolbar *, box > entry, button, entry {"
            + " min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n";

    private WebKitEngine() {
    }

    /** MiniBrowser of libwebkit2gtk-4.1-0, wherever the architecture puts it. */
    static Optional<File> miniBrowser() {
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib"))) {
            return libs.map(dir -> dir.resolve("webkit2gtk-4.1/MiniBrowser").toFile()).filter(File::canExecute).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static SeleniumEngine start(File miniBrowser) throws Exception {
        Path home = Files.createTempDirectory("webkit-home");
        Process xvfb = null;
        Process driver = null;
        try {
            // -displayfd 1: Xvfb picks a free display itself and prints its number when ready.
            xvfb = new ProcessBuilder(XVFB.getPath(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String display = out.readLine();
            if (display == null) {
                throw new IllegalStateException("Xvfb exited without a display");
            }
            // MiniBrowser's toolbar keeps its window at least ~450 px wide; shrunk to nothing, the window can
            // take a phone's 360 px viewport. This styles GTK's widgets only, never the page.
            Path gtk = Files.createDirectories(home.resolve("config/gtk-3.0"));
            Files.writeString(gtk.resolve("gtk.css"), TOOLBAR_CSS);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(DRIVER.getPath(), "--host=127.0.0.1", "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(home.resolve("driver.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DISPLAY", ":" + display.trim());
            env.put("HOME", home.toString());
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
            env.put("XDG_DATA_HOME", home.resolve("data").toString());
            env.put("XDG_RUNTIME_DIR", home.toString());
            env.remove("WAYLAND_DISPLAY");
            driver = builder.start();
            awaitPort(port, driver);
            MutableCapabilities capabilities = new MutableCapabilities();
            capabilities.setCapability("webkitgtk:browserOptions",
                    Map.of("binary", miniBrowser.getPath(), "args", List.of("--automation")));
            RemoteWebDriver webDriver = new RemoteWebDriver(new URL("http://127.0.0.1:" + port), capabilities);
            webDriver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            webDriver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            Process x = xvfb;
            Process d = driver;
            return new SeleniumEngine("webkit", webDriver, () -> {
                stop(d);
                stop(x);
                FirefoxEngine.deleteTree(home);
            });
        } catch (Exception | AssertionError e) {
            stop(driver);
            stop(xvfb);
            FirefoxEngine.deleteTree(home);
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process driver) throws Exception {
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("WebKitWebDriver exited with " + driver.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("WebKitWebDriver did not listen on " + port);
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
