package org.takeitdown.portal.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer varies by {@code Accept-Language} (the page's language is picked from it when the address names
 * none). Replaces an Accept-Language header the framework cannot read (its template filter would answer 400 on
 * every page) by the language {@link Languages#fromHeader} reads from it, before anything else looks at it.
 */
public class AcceptLanguageFilter {
    @Inject
    Languages languages;

    @ServerRequestFilter(preMatching = true)
    public void readable(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null) {
            return;
        }
        try {
            request.getAcceptableLanguages();
        } catch (RuntimeException e) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE,
                    languages.fromHeader(header).orElse(languages.fallback()).tag());
        }
    }

    @ServerResponseFilter
    public void vary(ContainerResponseContext response) {
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
