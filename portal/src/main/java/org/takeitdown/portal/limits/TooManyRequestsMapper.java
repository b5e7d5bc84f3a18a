package org.takeitdown.portal.limits;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.takeitdown.portal.web.ErrorAnswers;
import org.takeitdown.portal.web.Problem;

/** Maps {@link TooManyRequestsException} to 429 with Retry-After, naming the limit hit ({@link ErrorAnswers}: problem JSON on /api, a calm page elsewhere). */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequestsException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tooMany(long minutes, boolean busy);
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TooManyRequestsException e) {
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        Problem problem = new Problem("about:blank", "Too many requests", 429, e.getMessage(), null, e.budget().tag());
        Response answer = ErrorAnswers.answer(uri.getPath(), problem,
                () -> Templates.tooMany(minutes, e.budget().siteWide()));
        return Response.fromResponse(answer).header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
