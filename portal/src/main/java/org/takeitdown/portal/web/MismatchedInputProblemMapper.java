package org.takeitdown.portal.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps JSON of the wrong shape (unknown fields, wrong types) to a 400 problem saying where. */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException e) {
        return Problem.response(400, "Bad request", JsonProblemMapper.describe(e));
    }
}
