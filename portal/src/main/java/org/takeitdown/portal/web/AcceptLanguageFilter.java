package org.takeitdown.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Replaces an Accept-Language header the framework cannot read (its template filter would answer 400 on
 * every page) by the language {@link Page#language} reads from it, before anything else looks at it.
 */
public class AcceptLanguageFilter {
    @ServerRequestFilter(preMatching = true)
    public void readable(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null) {
            return;
        }
        try {
            request.getAcceptableLanguages();
        } catch (RuntimeException e) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, Page.language(header));
        }
    }
}
