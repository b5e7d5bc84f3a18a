package org.takeitdown.portal.limits;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.takeitdown.portal.web.Page;
import org.takeitdown.portal.web.Problem;
import org.takeitdown.portal.web.SiteConfig;

/** Maps {@link TooManyRequestsException} to 429 with Retry-After: problem JSON on /api, a calm page elsewhere. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequestsException> {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tooMany(Page page, long minutes);
    }

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    SiteConfig site;

    @Override
    public Response toResponse(TooManyRequestsException e) {
        String retryAfter = Long.toString(e.retryAfterSeconds());
        if (uri.getPath().startsWith("/api")) {
            return Response.fromResponse(Problem.response(429, "Too many requests", e.getMessage()))
                    .header("Retry-After", retryAfter).build();
        }
        Page page = Page.of(uri, headers, site);
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE)
                .header("Retry-After", retryAfter)
                .header("Cache-Control", "no-store")
                .entity(Templates.tooMany(page, minutes).setLocale(page.locale()).render())
                .build();
    }
}
