package org.takeitdown.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * A body over {@code quarkus.http.limits.max-body-size} on {@code /api} gets a 413 problem naming the limits
 * ({@link BodyLimits#tooLarge}), and the connection is closed, as Quarkus does. Quarkus's own check (route order -2)
 * answers a declared Content-Length over the limit with an empty 413; a chunked body over it is cut by Quarkus's
 * input stream once the resource reads it, which also answers an empty 413 and leaves the resource's problem
 * unwritable (an ERROR with a stack trace in the log for every such request). So this route, just before Quarkus's,
 * refuses a declared length over the limit itself, and reads a chunked body whole, within the limit, before any
 * resource does. Pages keep Quarkus's answer: they take small forms, which never reach the limit from a browser.
 */
@ApplicationScoped
public class TooLargeBodyRoute {
    private static final Logger LOG = Logger.getLogger(TooLargeBodyRoute.class);
    /** Just before Quarkus's own body limit ({@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /** Marks a request whose body this route reads, so that the reader's 413 failure is answered here. */
    private static final String READING = TooLargeBodyRoute.class.getName() + ".reading";

    private final ObjectMapper json;
    private final long max = BodyLimits.maxBody();
    /** Reads a body of unknown length into the request's context, failing it with 413 past the limit; no file uploads. */
    private final BodyHandler reader = BodyHandler.create(false).setBodyLimit(max).setMergeFormAttributes(false);

    public TooLargeBodyRoute(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit).failureHandler(this::failed);
    }

    private void limit(RoutingContext ctx) {
        if (!ErrorAnswers.isApi(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (chunked(ctx.request())) {
                ctx.put(READING, Boolean.TRUE);
                reader.handle(ctx);
            } else {
                ctx.next();
            }
        } else if (declared(length) > max) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    /**
     * An HTTP/1.1 body sent in chunks. Only those are read here: a request without a body must reach the resource
     * unread, and over HTTP/2 (h2c, as Java's HttpClient upgrades to) a body read here can't be read again (Vert.x
     * refuses to pause an ended HTTP/2 request, a 500 for every GET and DELETE); HTTP/2 bodies keep Quarkus's limit.
     */
    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return request.version() != HttpVersion.HTTP_2 && encoding != null
                && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** A malformed length is left to Quarkus and Netty, which refuse it as before. */
    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failed(RoutingContext ctx) {
        if (ctx.get(READING) == null) {
            ctx.next();
        } else if (ctx.response().ended() || ctx.failure() instanceof HttpClosedException) {
            // The connection closed under a body being read: after the 413 (this route closes it), or the client
            // went away mid-body. Nothing is left to answer and nothing failed here: not an error for the log.
            LOG.debug("A request body ended with its connection");
        } else if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    private void refuse(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // The rest of the body is never read: the connection cannot carry another request.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> request.connection().close())
                .end(problem());
    }

    private String problem() {
        try {
            return json.writeValueAsString(new Problem("about:blank", BodyLimits.TITLE, 413, BodyLimits.tooLarge(max), null, null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
