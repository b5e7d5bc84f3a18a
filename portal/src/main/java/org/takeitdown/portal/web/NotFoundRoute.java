package org.takeitdown.portal.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Addresses no resource or static file answers: the same calm 404 page as {@link NotFoundMapper}. */
@ApplicationScoped
public class NotFoundRoute {
    /** Paths that reach no JAX-RS resource (static-file misses) get the same page, or problem JSON on /api. */
    void routes(@Observes Router router) {
        router.errorHandler(404, ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/api")) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Cache-Control", "no-store")
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"There is nothing at this address.\"}");
                return;
            }
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Cache-Control", "no-store").putHeader("Vary", "Accept-Language")
                    .end(inRequest(ctx, NotFoundMapper::render));
        });
    }

    /** Renders with a request context for this routing context, so {@link Page} reads this request. */
    private static String inRequest(RoutingContext ctx, Supplier<String> render) {
        ManagedContext requests = Arc.container().requestContext();
        boolean started = !requests.isActive();
        if (started) {
            requests.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(ctx);
            return render.get();
        } finally {
            if (started) {
                requests.terminate();
            }
        }
    }
}
