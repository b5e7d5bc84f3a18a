package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown addresses: a calm page in the page's language, with Quick exit and a way back, for paths no
 * resource or static file answers; problem JSON on {@code /api}.
 */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        return response(uri == null ? null : uri.getPath());
    }

    /** The answer for an address where nothing is ({@link ErrorAnswers}). */
    public static Response response(String path) {
        return ErrorAnswers.answer(path, 404, "Not Found", "There is nothing at this address.", Templates::notFound);
    }
}
