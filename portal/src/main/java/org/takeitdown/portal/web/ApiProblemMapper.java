package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link ApiProblemException} to problem JSON. */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblemException> {
    @Override
    public Response toResponse(ApiProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.item());
    }
}
