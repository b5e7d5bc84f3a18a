package org.takeitdown.portal.help;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The help page: tipline, crisis line, sextortion guidance, what to do with only a link. */
@Path("/help")
@Produces(MediaType.TEXT_HTML)
public class HelpResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(HelpConfig help);
    }
    private final HelpConfig help;

    public HelpResource(HelpConfig help) {
        this.help = help;
    }

    @GET
    public TemplateInstance get() {
        return Templates.help(help);
    }
}
