package org.takeitdown.portal.help;

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

/** The help page: tipline, crisis line, sextortion guidance, what to do with only a link. */
@Path("/help")
@Produces(MediaType.TEXT_HTML)
public class HelpResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(Page page, HelpConfig help);
    }

    private final SiteConfig site;
    private final HelpConfig help;

    public HelpResource(SiteConfig site, HelpConfig help) {
        this.site = site;
        this.help = help;
    }

    @GET
    public TemplateInstance get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.help(page, help).setLocale(page.locale());
    }
}
