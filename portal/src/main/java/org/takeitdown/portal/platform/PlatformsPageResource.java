package org.takeitdown.portal.platform;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.takeitdown.portal.web.Page;
import org.takeitdown.portal.web.SiteConfig;

/** The integrators' page: how to sync, match, send feedback and compute identical hashes. */
@Path("/platforms")
@Produces(MediaType.TEXT_HTML)
public class PlatformsPageResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance platforms(Page page, int minQuality);
    }

    private final SiteConfig site;

    public PlatformsPageResource(SiteConfig site) {
        this.site = site;
    }

    @GET
    public TemplateInstance get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.platforms(page, SyncService.MIN_QUALITY).setLocale(page.locale());
    }
}
