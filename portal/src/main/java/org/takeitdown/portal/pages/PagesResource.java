package org.takeitdown.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.takeitdown.portal.help.HelpConfig;
import org.takeitdown.portal.platform.PlatformConfig;
import org.takeitdown.portal.platform.PlatformService;
import org.takeitdown.portal.web.Page;

/**
 * Landing, eligibility, the 18+ page, how-it-works, what happens next, about and privacy, and the public list
 * of participating platforms. Eligibility answers are never stored.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PagesResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance start(HelpConfig help, boolean unsure, boolean missingAge, boolean helper);

        static native TemplateInstance adult(HelpConfig help);

        static native TemplateInstance howItWorks();

        static native TemplateInstance whatHappensNext();

        static native TemplateInstance about(OperatorConfig operator, long purgeDays);

        static native TemplateInstance participating(List<PlatformService.Listed> platforms);
    }
    private final HelpConfig help;
    private final OperatorConfig operator;
    private final PlatformConfig platformConfig;
    private final PlatformService platforms;
    private final Page page;

    public PagesResource(HelpConfig help, OperatorConfig operator, PlatformConfig platformConfig,
                         PlatformService platforms, Page page) {
        this.help = help;
        this.operator = operator;
        this.platformConfig = platformConfig;
        this.platforms = platforms;
        this.page = page;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("start")
    public TemplateInstance start() {
        return Templates.start(help, false, false, false);
    }

    /**
     * Routes by the age answer: under 18 to hashing, 18+ to the adult page, unsure explained (to an adult
     * helping, in words about the young person).
     */
    @POST
    @Path("start")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("age") String age, @FormParam("who") String who) {
        if ("under".equals(age)) {
            return page.seeOther("/hash");
        }
        if ("over".equals(age)) {
            return page.seeOther("/adult");
        }
        boolean unsure = "unsure".equals(age);
        return Response.status(unsure ? 200 : 400)
                .entity(Templates.start(help, unsure, !unsure, "helper".equals(who))).build();
    }

    @GET
    @Path("adult")
    public TemplateInstance adult() {
        return Templates.adult(help);
    }

    @GET
    @Path("how-it-works")
    public TemplateInstance howItWorks() {
        return Templates.howItWorks();
    }

    @GET
    @Path("what-happens-next")
    public TemplateInstance whatHappensNext() {
        return Templates.whatHappensNext();
    }

    @GET
    @Path("about")
    public TemplateInstance about() {
        return Templates.about(operator, platformConfig.purgeAfter().toDays());
    }

    @GET
    @Path("participating")
    public TemplateInstance participating() {
        return Templates.participating(platforms.listedPublicly());
    }
}
