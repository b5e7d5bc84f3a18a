package org.takeitdown.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The one writer of answers made outside JAX-RS (Vert.x routes): an {@link ErrorAnswers} answer (problem JSON or
 * a page) written with its headers, {@code Cache-Control: no-store} and {@code Vary: Accept-Language}, as JAX-RS
 * writes it; the security headers come from the HTTP layer as on every answer.
 */
@ApplicationScoped
public class RouteAnswers {
    private final ObjectMapper json;

    public RouteAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The answer {@code make} builds, with a request context for this routing context so that {@link Page} reads
     * this request: Vert.x routes and error handlers run outside the request context JAX-RS activates.
     */
    public static Response inRequest(RoutingContext ctx, Supplier<Response> make) {
        ManagedContext requests = Arc.container().requestContext();
        boolean started = !requests.isActive();
        if (started) {
            requests.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(ctx);
            return make.get();
        } finally {
            if (started) {
                requests.terminate();
            }
        }
    }

    /** Writes {@code answer} and ends the response. */
    public void send(RoutingContext ctx, Response answer) {
        write(ctx, answer).end(body(answer.getEntity()));
    }

    /**
     * Writes {@code answer} to a request whose body is left unread, then closes the connection: the rest of the
     * body could otherwise be taken for the next request.
     */
    public void sendAndClose(RoutingContext ctx, Response answer) {
        HttpServerRequest request = ctx.request();
        write(ctx, answer).putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> request.connection().close())
                .end(body(answer.getEntity()));
    }

    private static HttpServerResponse write(RoutingContext ctx, Response answer) {
        HttpServerResponse out = ctx.response().setStatusCode(answer.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType(answer))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.VARY, "Accept-Language");
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Cache-Control")) {
                out.putHeader(name, values);
            }
        });
        return out;
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
