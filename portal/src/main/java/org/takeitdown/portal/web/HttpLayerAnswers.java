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
import java.util.function.Supplier;

/**
 * Requests the router refuses before any resource sees them get the application's answers ({@link ErrorAnswers}):
 * addresses nothing answers (404) and addresses that can't be decoded (400), instead of the framework's empty ones.
 */
@ApplicationScoped
public class HttpLayerAnswers {
    private final ObjectMapper json;

    public HttpLayerAnswers(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.errorHandler(404, ctx -> send(ctx, inRequest(ctx, () -> NotFoundMapper.response(ctx.normalizedPath()))));
        router.errorHandler(400, ctx -> send(ctx, inRequest(ctx, () -> ErrorAnswers.answer(ctx.request().path(), 400,
                "Bad Request", "The address could not be read: a % in it must be followed by two hexadecimal digits.",
                NotFoundMapper.Templates::notFound))));
    }

    /**
     * The answer, with a request context for this routing context so that {@link Page} reads this request: Vert.x
     * routes and error handlers run outside the request context JAX-RS activates.
     */
    private static Response inRequest(RoutingContext ctx, Supplier<Response> answer) {
        ManagedContext requests = Arc.container().requestContext();
        boolean started = !requests.isActive();
        if (started) {
            requests.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(ctx);
            return answer.get();
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
