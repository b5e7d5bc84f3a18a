package org.takeitdown.portal.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: no-store} on every answer the application makes (pages, API, errors), whichever
 * resource or path spelling it came from: case numbers, keys and case data must not stay in any cache.
 * Only static files (CSS, scripts, images), which the framework serves without passing here, can be cached.
 */
public class NoStoreFilter {
    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
