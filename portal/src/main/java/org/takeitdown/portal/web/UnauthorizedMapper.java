package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link UnauthorizedException} to 401 problem JSON with its challenge. */
@Provider
public class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
    @Override
    public Response toResponse(UnauthorizedException e) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", e.getMessage()))
                .header("WWW-Authenticate", e.challenge()).build();
    }
}
