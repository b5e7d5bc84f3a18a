package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A method an address does not answer (405): a calm page in the page's language, with Quick exit and a way on;
 * problem JSON on {@code /api}.
 */
@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowedException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notAllowed();
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotAllowedException e) {
        return ErrorAnswers.answer(uri == null ? null : uri.getPath(), 405, "Method Not Allowed",
                "This method is not allowed here.", Templates::notAllowed);
    }
}
