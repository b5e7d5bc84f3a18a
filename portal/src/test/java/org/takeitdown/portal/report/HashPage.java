package org.takeitdown.portal.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.takeitdown.portal.web.engine.Engine;

/** Files chosen on the open hash page and waited for until every row has its result. */
final class HashPage {
    private HashPage() {
    }

    /** Chooses {@code files} and waits, at most {@code within}, until each is hashed or marked ({@code what} names the wait). */
    static void hashAll(Engine engine, List<Path> files, Duration within, String what) {
        engine.setFiles("#file-input", files);
        engine.waitFor("document.querySelectorAll('#file-list li details').length"
                + " + document.querySelectorAll('#file-list li .state.error').length >= " + files.size(),
                within, what);
    }
}
