package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Logs a {@link ClientGone} at DEBUG, without a stack trace, instead of as an unexpected 500 (its answer can't be sent). */
@Provider
public class ClientGoneMapper implements ExceptionMapper<ClientGone> {
    private static final Logger LOG = Logger.getLogger(ClientGoneMapper.class);

    @Override
    public Response toResponse(ClientGone e) {
        LOG.debug("A client stopped reading an answer before its end");
        return Response.serverError().build();
    }
}
