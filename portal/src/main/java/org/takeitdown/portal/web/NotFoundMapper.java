package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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

    /** The answer for an address where nothing is: problem JSON under {@code /api} (or with no path known), else the page. */
    public static Response response(String path) {
        if (path == null || path.startsWith("/api")) {
            return Problem.response(404, "Not Found", "There is nothing at this address.");
        }
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store")
                .entity(render()).build();
    }

    static String render() {
        return Templates.notFound().render();
    }
}
