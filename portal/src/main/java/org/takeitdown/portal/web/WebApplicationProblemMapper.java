package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Maps the framework's own refusals (404, 405, 406, 415, unreadable bodies) to problem JSON on
 * {@code /api} paths; pages keep the framework's answer, but for a body too large (413) or of a type the page does
 * not take (415): a calm page in the page's language. A 406 or 415 names the media types the endpoint declares
 * ({@link DeclaredMediaTypes}), e.g. NDJSON or CSV for the export.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused();
    }

    private final DeclaredMediaTypes declared;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    public WebApplicationProblemMapper(DeclaredMediaTypes declared) {
        this.declared = declared;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (uriInfo == null) {
            return original;
        }
        if (!ErrorAnswers.isApi(uriInfo.getPath())) {
            return switch (status) {
                case 413 -> tooLarge(uriInfo.getPath(), BodyLimits.maxBody());
                case 415 -> ErrorAnswers.answer(uriInfo.getPath(), 415, "Unsupported Media Type",
                        "This endpoint does not take a body of this Content-Type.", Templates::refused);
                default -> original;
            };
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return Problem.response(400, "Bad request", JsonProblemMapper.describe(j));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> notAcceptable();
            case 413 -> "The body is too large.";
            case 415 -> unsupported();
            default -> title + ".";
        };
        return Problem.response(status, title, detail);
    }

    /** The answer to a body over the limit at {@code path}: the problem naming the limits, or a page ({@link ErrorAnswers}). */
    static Response tooLarge(String path, long maxBody) {
        return ErrorAnswers.answer(path, 413, BodyLimits.TITLE, BodyLimits.tooLarge(maxBody), Templates::refused);
    }

    private String notAcceptable() {
        List<String> types = declared.produces(method(), uriInfo.getPath());
        return types.isEmpty() ? "This endpoint cannot answer in any media type the Accept header allows."
                : "This endpoint answers " + String.join(" or ", types) + " only.";
    }

    private String unsupported() {
        List<String> types = declared.consumes(method(), uriInfo.getPath());
        return types.isEmpty() ? "This endpoint does not take a body of this Content-Type."
                : "Send the body as " + String.join(" or ", types) + ".";
    }

    private String method() {
        return request == null ? null : request.getMethod();
    }
}
