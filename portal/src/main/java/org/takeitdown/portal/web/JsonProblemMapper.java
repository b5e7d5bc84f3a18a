package org.takeitdown.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps unreadable JSON (syntax, unknown or duplicate fields, wrong types) to a 400 problem saying where. */
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
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field \"" + u.getPropertyName() + "\".";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) e;
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
            return "Wrong type or value" + (path.isEmpty() ? "" : " at \"" + path + "\"") + ".";
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Duplicate field")) {
            return msg + ".";
        }
        return "The body is not valid JSON.";
    }
}
