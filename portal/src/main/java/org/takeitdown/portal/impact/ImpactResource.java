package org.takeitdown.portal.impact;

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

/** The public impact page: weekly cases and hashes as a server-drawn SVG chart, and totals. */
@Path("/impact")
@Produces(MediaType.TEXT_HTML)
public class ImpactResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance impact(Page page, ImpactService.Figures figures, BarChart chart);
    }

    private final SiteConfig site;
    private final ImpactService impact;

    public ImpactResource(SiteConfig site, ImpactService impact) {
        this.site = site;
        this.impact = impact;
    }

    @GET
    public TemplateInstance get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        ImpactService.Figures figures = impact.figures();
        return Templates.impact(page, figures, BarChart.of(figures.weeks())).setLocale(page.locale());
    }
}
