package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * A form with more fields than RESTEasy Reactive reads ({@code quarkus.http.limits.max-parameters}, default 1,000): its parser
 * throws a bare {@link RuntimeException} from {@code FormData.add}, which would be a 500 with an ERROR and a stack trace
 * in the log, from anyone. It is the sender's mistake, not the server's: 400, the calm "can't be opened this way" page
 * (no browser sends such a form from this site's pages; problem JSON on {@code /api}), one DEBUG line.
 */
final class TooManyFormFields {
    private static final Logger LOG = Logger.getLogger(TooManyFormFields.class);
    /** The class whose {@code add} refuses the field past the limit (resteasy-reactive's form parser). */
    private static final String FORM_DATA = "org.jboss.resteasy.reactive.server.core.multipart.FormData";

    private TooManyFormFields() {
    }

    /** Whether {@code e} is the form parser refusing a field past the limit: a bare RuntimeException it threw itself. */
    static boolean is(Throwable e) {
        if (e.getClass() != RuntimeException.class || e.getCause() != null) {
            return false;
        }
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && FORM_DATA.equals(frames[0].getClassName()) && "add".equals(frames[0].getMethodName());
    }

    /** The 400 for the request at {@code path}. */
    static Response answer(String path) {
        LOG.debug("A form with too many fields was refused");
        return ErrorAnswers.answer(path, 400, "Bad request", "The form has too many fields.",
                NotAllowedMapper.Templates::notAllowed);
    }
}
