package org.takeitdown.portal.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers an HTTP/1.1 request without a {@code Host} header with a plain 400. Vert.x Web's router fails such a request
 * before any route runs, and Quarkus's error handler then answered its own JSON and logged an ERROR naming the path, a
 * case number in it; this failure handler comes first. HTTP/1.0 allows no Host and is served as usual. No browser
 * sends such a request.
 */
@ApplicationScoped
public class HostRequiredRoute {
    private static final Logger LOG = Logger.getLogger(HostRequiredRoute.class);
    static final String ANSWER = "Bad request: an HTTP/1.1 request must name the site in a Host header.\n";

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).failureHandler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_1_1 || request.headers().contains(HttpHeaders.HOST)
                || ctx.statusCode() != 400 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.debug("A request without a Host header was refused");
        request.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.CONNECTION, "close").end(ANSWER)
                .onComplete(done -> request.connection().close());
    }
}
