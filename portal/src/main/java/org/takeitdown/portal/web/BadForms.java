package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Forms RESTEasy Reactive's parser refuses with an exception of its own, which would be a 500 with an ERROR and a
 * stack trace in the log, from anyone: more fields than it reads ({@code quarkus.http.limits.max-parameters},
 * default 1,000; a bare {@link RuntimeException} from {@code FormData.add}), and a malformed percent escape such as
 * {@code %zz} (an {@link IllegalArgumentException} from {@code URLUtils} while {@code FormEncodedDataDefinition}
 * decodes a value). They are the sender's mistake, not the server's: 400, the calm "can't be opened this way" page
 * (no browser sends such a form from this site's pages; problem JSON on {@code /api}), one DEBUG line.
 */
final class BadForms {
    private static final Logger LOG = Logger.getLogger(BadForms.class);
    /** The class whose {@code add} refuses the field past the limit (resteasy-reactive's form parser). */
    private static final String FORM_DATA = "org.jboss.resteasy.reactive.server.core.multipart.FormData";
    /** The URL-encoded form parser, and the decoder it calls for each name and value. */
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";
    private static final String URL_UTILS = "org.jboss.resteasy.reactive.common.util.URLUtils";

    private BadForms() {
    }

    /** The 400 for a form the parser refused at {@code path}, or null when {@code e} is not such a refusal. */
    static Response answer(Throwable e, String path) {
        if (tooManyFields(e)) {
            LOG.debug("A form with too many fields was refused");
            return ErrorAnswers.answer(path, 400, "Bad request", "The form has too many fields.",
                    NotAllowedMapper.Templates::notAllowed);
        }
        if (malformedEscape(e)) {
            LOG.debug("A form with a malformed percent escape was refused");
            return ErrorAnswers.answer(path, 400, "Bad request",
                    "The form is not correctly encoded: a % must be followed by two hexadecimal digits.",
                    NotAllowedMapper.Templates::notAllowed);
        }
        return null;
    }

    /** A bare RuntimeException that {@code FormData.add} threw itself. */
    private static boolean tooManyFields(Throwable e) {
        if (e.getClass() != RuntimeException.class || e.getCause() != null) {
            return false;
        }
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && FORM_DATA.equals(frames[0].getClassName()) && "add".equals(frames[0].getMethodName());
    }

    /** An IllegalArgumentException thrown by {@code URLUtils} while the form parser was decoding. */
    private static boolean malformedEscape(Throwable e) {
        if (e.getClass() != IllegalArgumentException.class || e.getCause() != null) {
            return false;
        }
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length == 0 || !URL_UTILS.equals(frames[0].getClassName())) {
            return false;
        }
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith(FORM_PARSER)) {
                return true;
            }
        }
        return false;
    }
}
