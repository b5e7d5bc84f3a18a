package org.takeitdown.portal.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps the framework's own refusals (404, 405, 406, 415, unreadable bodies) to problem JSON on
 * {@code /api} paths; pages keep the framework's answer.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (uriInfo == null || !ErrorAnswers.isApi(uriInfo.getPath())) {
            return original;
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
            case 406 -> "This endpoint answers application/json only.";
            case 413 -> "The body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        return Problem.response(status, title, detail);
    }
}
