package org.takeitdown.portal.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Answers what must be answered before a body is read. On a signed-in API area ({@link SignInArea}: the platform
 * API, the exchange, the admin API) the credentials are checked first, by the sign-in mechanisms through the
 * request's deferred identity (the same look-up the resource's role check then reuses): no or wrong credentials
 * get the area's 401 before any of the body is read (what follows over HTTP/1.1 is discarded, see {@link #unsigned}).
 * Then a body over {@code quarkus.http.limits.max-body-size} gets a 413 naming the limits ({@link BodyLimits#tooLarge}):
 * problem JSON on {@code /api}, a page elsewhere ({@link WebApplicationProblemMapper}), and the connection is closed, as
 * Quarkus does. Quarkus's own check (route order -2) answers a declared Content-Length over the limit with an empty
 * 413; a chunked body over it is cut by Quarkus's input stream once the resource reads it, which also answers an
 * empty 413 and leaves the resource's problem unwritable (an ERROR with a stack trace in the log for every such
 * request). So this route, just before Quarkus's, refuses a declared length over the limit itself, and reads every
 * other HTTP/1.1 body whole, within the limit, on the event loop before any resource does ({@link #readsHere}): a
 * resource reading it itself blocks a worker thread until the last byte comes, and 210 connections that each declared
 * 1,000 bytes and sent one held all 200 worker threads, so that no page answered. A body must arrive within
 * {@link #deadline} (a 408 closes the connection otherwise), so that a connection trickling a body is not held
 * without end either.
 */
@ApplicationScoped
public class TooLargeBodyRoute {
    private static final Logger LOG = Logger.getLogger(TooLargeBodyRoute.class);
    /** Just before Quarkus's own body limit ({@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /**
     * What ends the reading of a body this route reads: its deadline's timer cancelled (it holds the request, and so
     * the body read so far) and its {@link BodyBudget.Share} given back. It runs when the request's context ends, and
     * at once when this route answers and closes the connection itself ({@link #closing}): that answer's end handler
     * takes the place of the context's. Its presence also marks a request whose body this route reads, so that a
     * failure while reading it is answered here ({@link #failed}).
     */
    private static final String DONE_READING = TooLargeBodyRoute.class.getName() + ".doneReading";
    /** Takes the place of Quarkus's sign-in failure answer while this route answers the failure itself. */
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {
    };

    /** Time every body gets, however short, for a phone on a weak signal: a mobile network's slow start and stalls. */
    static final Duration GRACE = Duration.ofSeconds(30);
    /**
     * The slowest rate a body is waited for after {@link #GRACE}, 8 KiB/s (64 kbit/s): below a 2G (EDGE) connection's
     * usual 100-200 kbit/s, so a phone on such a signal still gets its body through.
     */
    static final long SLOWEST_BYTES_PER_SECOND = 8 * 1024;
    /** Retry-After when too many bodies arrive at once: they are held for seconds, not minutes. */
    static final int BUSY_RETRY_SECONDS = 10;

    private final RouteAnswers answers;
    /** Memory for the bodies read here, per address and in all. */
    private final BodyBudget budget;
    /** The signed-in API areas, fixed at start-up: looked up once, not on every request. */
    private final List<SignInArea> areas;
    private final long max = BodyLimits.maxBody();

    public TooLargeBodyRoute(RouteAnswers answers, Instance<SignInArea> areas, BodyBudget budget) {
        this.answers = answers;
        this.areas = areas.stream().toList();
        this.budget = budget;
    }

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::signInFirst).failureHandler(this::failed);
    }

    /** On a signed-in API area, the credentials are checked before anything reads the body; then {@link #limit}. */
    private void signInFirst(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        SignInArea area = ErrorAnswers.isApi(path) && identity != null
                ? areas.stream().filter(a -> a.covers(path)).findFirst().orElse(null) : null;
        if (area == null) {
            limit(ctx);
            return;
        }
        Object failures = ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        Context here = Vertx.currentContext();
        identity.subscribe().with(
                signedIn -> here.runOnContext(v -> {
                    restore(ctx, failures);
                    if (signedIn.isAnonymous()) {
                        unsigned(ctx, RouteAnswers.inRequest(ctx, () -> area.unauthorized(path)));
                    } else {
                        limit(ctx);
                    }
                }),
                failure -> here.runOnContext(v -> {
                    restore(ctx, failures);
                    if (failure instanceof AuthenticationFailedException) {
                        unsigned(ctx, RouteAnswers.inRequest(ctx, () -> area.refused(path, failure.getMessage())));
                    } else {
                        // Not a sign-in answer (too many look-ups, a failing database): the resource's role check
                        // meets the same failure and its exception mappers answer it.
                        limit(ctx);
                    }
                }));
    }

    private static void restore(RoutingContext ctx, Object failures) {
        if (failures == null) {
            ctx.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        } else {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failures);
        }
    }

    /**
     * A sign-in refusal, answered before any of the body is read. Over HTTP/1.1 a body still coming is then
     * discarded unread, up to the body limit, so that the client can read the answer (a connection closed on unread
     * bytes is reset, and the answer lost with it); past the limit, or with a longer declared length, the connection
     * is closed. Over HTTP/2 the stream ends and the connection carries on.
     */
    private void unsigned(RoutingContext ctx, Response answer) {
        HttpServerRequest request = ctx.request();
        if (request.version() == HttpVersion.HTTP_2 || request.isEnded() || !bodyComing(request)) {
            answers.send(ctx, answer);
        } else if (declared(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > max) {
            closing(ctx, answer);
        } else {
            long[] discarded = {0};
            request.handler(chunk -> {
                discarded[0] += chunk.length();
                if (discarded[0] > max) {
                    request.connection().close();
                }
            });
            answers.send(ctx, answer);
        }
    }

    private static boolean bodyComing(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && declared(length) != 0;
    }

    private void limit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long length = declared(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > max) {
            refuse(ctx);
        } else if (readsHere(request, length)) {
            read(ctx, deadline(length));
        } else {
            ctx.next();
        }
    }

    /**
     * Whether this route reads the request's body before the resource: an HTTP/1.1 body of a declared length or sent in
     * chunks, but not a multipart upload (the admin's, signed in above, which Quarkus keeps as a file). A request
     * without a body must reach the resource unread, and over HTTP/2 (h2c, as Java's HttpClient upgrades to) a body
     * read here can't be read again (Vert.x refuses to pause an ended HTTP/2 request, a 500 for every GET and DELETE);
     * HTTP/2 bodies keep Quarkus's limit and are read by the resource.
     */
    private static boolean readsHere(HttpServerRequest request, long length) {
        if (request.version() == HttpVersion.HTTP_2 || request.isEnded()) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return length > 0 || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /**
     * Reads the body whole into the request's context ({@code RoutingContext.setBody}, where Quarkus REST's input
     * stream and form parser take it from) as it comes, on the event loop, then passes the request on. Nothing parses it
     * here: a form keeps the REST parser's limits and answers ({@link BadForms}). Past the body limit (a chunked body) it is
     * the 413; a body HTTP can't decode, or a connection closed under it, goes to {@link #failed}.
     */
    private void read(RoutingContext ctx, Duration deadline) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        BodyBudget.Share share = budget.open(request);
        long timer = ctx.vertx().setTimer(deadline.toMillis(), id -> late(ctx));
        Runnable doneReading = () -> {
            ctx.vertx().cancelTimer(timer);
            share.release();
        };
        ctx.put(DONE_READING, doneReading);
        ctx.addEndHandler(done -> doneReading.run());
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        request.handler(chunk -> {
            if (ctx.response().headWritten()) {
                return;
            }
            String limit = share.take(chunk.length());
            if (limit != null) {
                busy(ctx, limit);
            } else if (body.length() + chunk.length() > max) {
                refuse(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(end -> {
            if (!ctx.response().headWritten()) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    /**
     * How long a body may take to arrive: {@link #GRACE} plus its length (the largest allowed when it is sent in
     * chunks) at {@link #SLOWEST_BYTES_PER_SECOND}. A form of a few hundred bytes gets 30 s; a body of 1 MiB, the most
     * vPDQ frames of a video, 158 s.
     */
    static Duration deadline(long length) {
        long bytes = length < 0 ? BodyLimits.maxBody() : length;
        return GRACE.plusSeconds(bytes / SLOWEST_BYTES_PER_SECOND);
    }

    /**
     * Too many bodies are arriving at once ({@link BodyBudget}), from this address or from everyone: a 429 naming the
     * limit, as the other limits' are (the hashing page words it from the name); the connection is closed, nothing is
     * stored, and the client may send it again in {@link #BUSY_RETRY_SECONDS}.
     */
    private void busy(RoutingContext ctx, String limit) {
        Problem problem = new Problem("about:blank", "Too many requests", 429, "Too many requests are sending their "
                + "contents at once. Nothing was stored; please try again in a moment.", null, limit);
        Response answer = RouteAnswers.inRequest(ctx, () -> Response.fromResponse(ErrorAnswers.answer(ctx.normalizedPath(),
                problem, WebApplicationProblemMapper.Templates::refused)).header("Retry-After", BUSY_RETRY_SECONDS).build());
        closing(ctx, answer);
    }

    /** Answers and closes the connection, ending at once the reading of a body this route was reading. */
    private void closing(RoutingContext ctx, Response answer) {
        Runnable doneReading = ctx.get(DONE_READING);
        if (doneReading != null) {
            doneReading.run();
        }
        answers.sendAndClose(ctx, answer);
    }

    /** The body has not all come within its {@link #deadline}: 408, the connection closed, nothing stored. */
    private void late(RoutingContext ctx) {
        if (ctx.request().isEnded() || ctx.response().headWritten() || ctx.response().closed()) {
            return;
        }
        LOG.debug("A request body that did not arrive in time was refused");
        closing(ctx, RouteAnswers.inRequest(ctx, () -> ErrorAnswers.answer(ctx.normalizedPath(), 408,
                "Request timeout", "The body did not all arrive in time, so nothing was stored. Please send it again.",
                WebApplicationProblemMapper.Templates::refused)));
    }

    /** A malformed length is left to Quarkus and Netty, which refuse it as before; no length is -1 too. */
    private static long declared(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failed(RoutingContext ctx) {
        if (ctx.get(DONE_READING) == null) {
            ctx.next();
        } else if (ctx.response().ended() || ctx.failure() instanceof HttpClosedException) {
            // The connection closed under a body being read: after the 413 (this route closes it), or the client
            // went away mid-body. Nothing is left to answer and nothing failed here: not an error for the log.
            LOG.debug("A request body ended with its connection");
        } else if (ctx.response().headWritten()) {
            ctx.next();
        } else {
            malformed(ctx);
        }
    }

    /**
     * A body this route was reading that HTTP itself can't decode (a chunk size that is not hexadecimal): the sender's
     * mistake, answered 400 with the connection closed (what follows can't be framed), one DEBUG line. Passed on, it
     * was an ERROR with a stack trace naming the path, a case number in it, for every such request from anyone.
     */
    private void malformed(RoutingContext ctx) {
        LOG.debug("A request body that could not be decoded was refused");
        closing(ctx, RouteAnswers.inRequest(ctx, () -> ErrorAnswers.answer(ctx.normalizedPath(), 400,
                "Bad request", "The body could not be read: its chunked transfer encoding is malformed.",
                WebApplicationProblemMapper.Templates::refused)));
    }

    /**
     * The 413. The rest of the body is never read: over HTTP/1.1 the connection cannot carry another request and is
     * closed; over HTTP/2 only the stream ends (closing the connection there reset the stream before the client could
     * read the answer).
     */
    private void refuse(RoutingContext ctx) {
        Response answer = RouteAnswers.inRequest(ctx, () -> WebApplicationProblemMapper.tooLarge(ctx.normalizedPath(), max));
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            answers.send(ctx, answer);
        } else {
            closing(ctx, answer);
        }
    }
}
