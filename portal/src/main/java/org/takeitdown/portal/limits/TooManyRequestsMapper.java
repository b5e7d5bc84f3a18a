package org.takeitdown.portal.limits;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.takeitdown.portal.web.Problem;

/** Maps {@link TooManyRequestsException} to 429 with Retry-After: problem JSON on /api, a calm page elsewhere. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequestsException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tooMany(long minutes);
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TooManyRequestsException e) {
        String retryAfter = Long.toString(e.retryAfterSeconds());
        if (uri.getPath().startsWith("/api")) {
            return Response.fromResponse(Problem.response(429, "Too many requests", e.getMessage()))
                    .header("Retry-After", retryAfter).build();
        }
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE)
                .header("Retry-After", retryAfter)
                .header("Cache-Control", "no-store")
                .entity(Templates.tooMany(minutes).render())
                .build();
    }
}
