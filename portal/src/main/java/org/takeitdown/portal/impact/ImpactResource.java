package org.takeitdown.portal.impact;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.takeitdown.portal.web.Page;

/** The public impact page: weekly cases and hashes as a server-drawn SVG chart, and totals. */
@Path("/impact")
@Produces(MediaType.TEXT_HTML)
public class ImpactResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance impact(ImpactService.Figures figures, BarChart chart);
    }
    private final ImpactService impact;
    private final Page page;

    public ImpactResource(ImpactService impact, Page page) {
        this.impact = impact;
        this.page = page;
    }

    @GET
    public TemplateInstance get() {
        ImpactService.Figures figures = impact.figures();
        return Templates.impact(figures, BarChart.of(figures.weeks(), page.rightToLeft()));
    }
}
