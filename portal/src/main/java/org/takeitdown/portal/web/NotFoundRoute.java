package org.takeitdown.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;

/** Addresses no resource or static file answers: the same answer as {@link NotFoundMapper}, outside JAX-RS. */
@ApplicationScoped
public class NotFoundRoute {
    private final ObjectMapper json;

    public NotFoundRoute(ObjectMapper json) {
        this.json = json;
    }

    /** Paths that reach no JAX-RS resource (static-file misses) get {@link NotFoundMapper#response}. */
    void routes(@Observes Router router) {
        router.errorHandler(404, ctx -> send(ctx, inRequest(ctx)));
    }

    /**
     * The 404 answer, with a request context for this routing context so that {@link Page} reads this request:
     * Vert.x error handlers run outside the request context JAX-RS activates.
     */
    private static Response inRequest(RoutingContext ctx) {
        ManagedContext requests = Arc.container().requestContext();
        boolean started = !requests.isActive();
        if (started) {
            requests.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(ctx);
            return NotFoundMapper.response(ctx.normalizedPath());
        } finally {
            if (started) {
                requests.terminate();
            }
        }
    }

    private void send(RoutingContext ctx, Response answer) {
        HttpServerResponse out = ctx.response().setStatusCode(answer.getStatus())
                .putHeader("Content-Type", contentType(answer)).putHeader("Vary", "Accept-Language");
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                out.putHeader(name, values);
            }
        });
        out.end(body(answer.getEntity()));
    }

    private static String contentType(Response answer) {
        String type = answer.getMediaType().toString();
        return type.startsWith("text/") ? type + ";charset=UTF-8" : type;
    }

    private String body(Object entity) {
        if (entity instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
