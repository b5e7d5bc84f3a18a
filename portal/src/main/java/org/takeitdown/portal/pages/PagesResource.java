package org.takeitdown.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.takeitdown.portal.help.HelpConfig;
import org.takeitdown.portal.platform.PlatformConfig;
import org.takeitdown.portal.platform.PlatformService;
import org.takeitdown.portal.web.Page;
import org.takeitdown.portal.web.SiteConfig;

/**
 * Landing, eligibility, the 18+ page, how-it-works, what happens next, about and privacy, and the public list
 * of participating platforms. Eligibility answers are never stored.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page);

        static native TemplateInstance start(Page page, boolean unsure, boolean missingAge, boolean helper);

        static native TemplateInstance adult(Page page, HelpConfig help);

        static native TemplateInstance howItWorks(Page page);

        static native TemplateInstance whatHappensNext(Page page);

        static native TemplateInstance about(Page page, OperatorConfig operator, long purgeDays);

        static native TemplateInstance participating(Page page, List<PlatformService.Listed> platforms);
    }

    private final SiteConfig site;
    private final HelpConfig help;
    private final OperatorConfig operator;
    private final PlatformConfig platformConfig;
    private final PlatformService platforms;

    public PagesResource(SiteConfig site, HelpConfig help, OperatorConfig operator, PlatformConfig platformConfig,
                         PlatformService platforms) {
        this.site = site;
        this.help = help;
        this.operator = operator;
        this.platformConfig = platformConfig;
        this.platforms = platforms;
    }

    @GET
    public TemplateInstance index(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.index(page).setLocale(page.locale());
    }

    @GET
    @Path("start")
    public TemplateInstance start(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.start(page, false, false, false).setLocale(page.locale());
    }

    /**
     * Routes by the age answer: under 18 to hashing, 18+ to the adult page, unsure explained (to an adult
     * helping, in words about the young person).
     */
    @POST
    @Path("start")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("age") String age, @FormParam("who") String who, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        if ("under".equals(age)) {
            return Response.seeOther(URI.create(page.link("/hash"))).build();
        }
        if ("over".equals(age)) {
            return Response.seeOther(URI.create(page.link("/adult"))).build();
        }
        boolean unsure = "unsure".equals(age);
        return Response.status(unsure ? 200 : 400)
                .entity(Templates.start(page, unsure, !unsure, "helper".equals(who)).setLocale(page.locale())).build();
    }

    @GET
    @Path("adult")
    public TemplateInstance adult(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.adult(page, help).setLocale(page.locale());
    }

    @GET
    @Path("how-it-works")
    public TemplateInstance howItWorks(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.howItWorks(page).setLocale(page.locale());
    }

    @GET
    @Path("what-happens-next")
    public TemplateInstance whatHappensNext(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.whatHappensNext(page).setLocale(page.locale());
    }

    @GET
    @Path("about")
    public TemplateInstance about(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.about(page, operator, platformConfig.purgeAfter().toDays()).setLocale(page.locale());
    }

    @GET
    @Path("participating")
    public TemplateInstance participating(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.participating(page, platforms.listedPublicly()).setLocale(page.locale());
    }
}
