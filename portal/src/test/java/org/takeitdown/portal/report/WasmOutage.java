package org.takeitdown.portal.report;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: while {@link #on} is set, {@code /js/pdq.wasm} answers 404, as a server or proxy that lacks the
 * file would, so a browser test can watch the hashing worker fall back to {@code /js/hasher.js}. Off, it
 * passes every request on.
 */
@ApplicationScoped
public class WasmOutage {
    static volatile boolean on;
    /** Requests for {@code /js/pdq.wasm} refused since the last {@link #start()}. */
    static final AtomicInteger REFUSED = new AtomicInteger();

    static void start() {
        REFUSED.set(0);
        on = true;
    }

    static void stop() {
        on = false;
    }

    void routes(@Observes Router router) {
        router.route("/js/pdq.wasm").order(Integer.MIN_VALUE).handler(ctx -> {
            if (!on) {
                ctx.next();
                return;
            }
            REFUSED.incrementAndGet();
            ctx.response().setStatusCode(404).end();
        });
    }
}
