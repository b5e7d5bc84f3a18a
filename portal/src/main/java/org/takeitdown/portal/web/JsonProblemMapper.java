package org.takeitdown.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps unreadable JSON (syntax, unknown or duplicate fields, wrong types, numbers out of range) to a 400 problem saying what. */
public class JsonProblemMapper {
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problem.response(400, "Bad request", describe(e));
    }

    /** JSON of the wrong shape: its own mapper, or the framework's built-in one for this type would answer instead. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return unreadable(e);
    }

    static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Trailing token")) {
            return "The body must be one JSON value with nothing after it.";
        }
        if (causedBy(e, InputCoercionException.class)) {
            return "A number is too large or too small for its field" + at(e) + ".";
        }
        if (causedBy(e, StreamConstraintsException.class)) {
            return "The body is nested too deeply, or holds a number or text that is too long.";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field \"" + u.getPropertyName() + "\".";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return "Wrong type or value" + at(e) + ".";
        }
        if (msg != null && msg.startsWith("Duplicate field")) {
            return msg + ".";
        }
        return "The body is not valid JSON.";
    }

    /** Whether {@code e} or one of its causes is a {@code type} (Jackson wraps a parser's errors with the field's path). */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** " at \"items[0].md5\"" for an error with a path into the body, else "". */
    private static String at(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        String path = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
        return path.isEmpty() ? "" : " at \"" + path + "\"";
    }
}
