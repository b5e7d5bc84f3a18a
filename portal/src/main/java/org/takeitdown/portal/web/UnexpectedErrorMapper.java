package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.channels.ClosedChannelException;
import org.jboss.logging.Logger;
import org.takeitdown.portal.db.Jdbc;

/**
 * Maps every exception no other mapper takes to 500 ({@link ErrorAnswers}: problem JSON on /api, a calm page elsewhere) and
 * logs it without its messages or the request path: a database's message quotes the values of the
 * failed statement (a hash, a case number) and a path holds the case number. A form the parser refuses (too many
 * fields, a malformed escape) is no server error: {@link BadForms}; nor is a client that went away mid-body.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);
    private static final int FRAMES = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error();
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception e) {
        String path = uri == null ? null : uri.getPath();
        Response badForm = BadForms.answer(e, path);
        if (badForm != null) {
            return badForm;
        }
        if (connectionClosed(e)) {
            // The client went away while its body was being read (a phone losing signal mid-send): nothing failed
            // here, nothing was stored, and no answer can reach it.
            LOG.debug("A client went away before its request's body ended");
            return Response.status(400).build();
        }
        LOG.error(describe(e));
        return ErrorAnswers.answer(path, 500, "Internal Server Error",
                "Something went wrong on our side. Nothing was changed; try again in a few minutes.", Templates::error);
    }

    /**
     * Whether {@code e} came from the connection closing under the request: Vert.x's HttpClosedException or the channel's
     * ClosedChannelException among its causes (which of the two depends on when the close is seen).
     */
    static boolean connectionClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** The exception's class chain, SQL states and the innermost cause's first frames; no messages. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder("Unexpected error answered 500:");
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(' ').append(t.getClass().getName());
            String state = Jdbc.sqlState(t);
            if (state != null) {
                b.append(" [SQLState ").append(state).append(']');
            }
            innermost = t;
        }
        StackTraceElement[] frames = innermost.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            b.append("\n\tat ").append(frames[i]);
        }
        return b.toString();
    }
}
