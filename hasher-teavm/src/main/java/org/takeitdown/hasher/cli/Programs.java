package org.takeitdown.hasher.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The external programs the CLI may run (ffmpeg, dwebp): whether one is there. */
final class Programs {
    /** Longest a program may take to answer its version question. */
    private static final long ANSWER_SECONDS = 20;

    private Programs() {
    }

    /**
     * Whether {@code command} (a program on the PATH and a harmless argument such as {@code -version}) runs
     * and exits with 0 within {@value #ANSWER_SECONDS} seconds; its output is discarded.
     */
    static boolean answers(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
