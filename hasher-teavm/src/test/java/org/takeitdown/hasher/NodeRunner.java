package org.takeitdown.hasher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the test harness ({@code src/test/js/harness.mjs}) on the generated hasher.js under Node. */
public final class NodeRunner {
    private NodeRunner() {
    }

    public static Path hasherJs() {
        Path js = Paths.get("target", "classes", "META-INF", "resources", "js", "hasher.js");
        if (!Files.isRegularFile(js)) {
            throw new IllegalStateException("generated " + js + " is missing: TeaVM runs in process-classes");
        }
        return js.toAbsolutePath();
    }

    /** Runs {@code node harness.mjs COMMAND hasher.js ARGS...} and returns its stdout lines. */
    public static List<String> run(String command, String... args) {
        List<String> cmd = new ArrayList<>(List.of("node", Paths.get("src", "test", "js", "harness.mjs")
                .toAbsolutePath().toString(), command, hasherJs().toString()));
        cmd.addAll(List.of(args));
        try {
            Path errFile = Files.createTempFile("node-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("node did not finish");
            }
            String err = Files.readString(errFile);
            Files.deleteIfExists(errFile);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("node exited " + p.exitValue() + ": " + err);
            }
            return List.of(new String(out, StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (is Node.js 20 installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
