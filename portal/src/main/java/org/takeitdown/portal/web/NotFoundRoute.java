package org.takeitdown.portal.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Addresses no resource or static file answers: the same calm 404 page as {@link NotFoundMapper}. */
@ApplicationScoped
public class NotFoundRoute {
    /** Paths that reach no JAX-RS resource (static-file misses) get the same page, or problem JSON on /api. */
    void routes(@Observes Router router, SiteConfig config) {
        router.errorHandler(404, ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/api")) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Cache-Control", "no-store")
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"There is nothing at this address.\"}");
                return;
            }
            Page page = Page.of(path, ctx.request().getParam("lang"), ctx.request().getHeader("Accept-Language"), config);
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Cache-Control", "no-store").end(NotFoundMapper.render(page));
        });
    }
}
