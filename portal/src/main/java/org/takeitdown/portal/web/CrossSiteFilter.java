package org.takeitdown.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, every request with a method other than GET/HEAD/OPTIONS/TRACE that a
 * browser sent from another site ({@link SameOrigin}): 403 ({@link ErrorAnswers}).
 */
public class CrossSiteFilter {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused();
    }

    private final SameOrigin sameOrigin;

    public CrossSiteFilter(SameOrigin sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request, HttpServerRequest http, UriInfo uri) {
        if (SameOrigin.isSafe(request.getMethod()) || sameOrigin.allows(http)) {
            return null;
        }
        return ErrorAnswers.answer(uri.getPath(), 403, "Forbidden",
                "This request came from another website's page, so nothing was changed. "
                        + "Requests that change something are accepted from this site's own pages and from "
                        + "programs that are not browsers.", Templates::refused);
    }
}
