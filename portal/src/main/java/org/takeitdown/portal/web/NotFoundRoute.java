package org.takeitdown.portal.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Addresses no resource or static file answers: the same answer as {@link NotFoundMapper}, outside JAX-RS. */
@ApplicationScoped
public class NotFoundRoute {
    private final RouteAnswers answers;

    public NotFoundRoute(RouteAnswers answers) {
        this.answers = answers;
    }

    /** Paths that reach no JAX-RS resource (static-file misses) get {@link NotFoundMapper#response}. */
    void routes(@Observes Router router) {
        router.errorHandler(404, ctx -> answers.send(ctx,
                RouteAnswers.inRequest(ctx, () -> NotFoundMapper.response(ctx.normalizedPath()))));
    }
}
