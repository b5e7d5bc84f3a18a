package org.takeitdown.portal.platform;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Page;
import org.takeitdown.portal.web.SiteConfig;

/** The integrators' page: how to sync (natively or with threatexchange/HMA), match, send feedback, and the hasher jar. */
@Path("/platforms")
public class PlatformsPageResource {
    /** Where the build puts the hasher CLI jar on the classpath (see the portal POM). */
    static final String HASHER_JAR = "/hasher-cli/hasher.jar";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance platforms(Page page, int minQuality, boolean hasherJar);
    }

    private final SiteConfig site;

    public PlatformsPageResource(SiteConfig site) {
        this.site = site;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        boolean jar = PlatformsPageResource.class.getResource(HASHER_JAR) != null;
        return Templates.platforms(page, SyncService.MIN_QUALITY, jar).setLocale(page.locale());
    }

    /** The hasher CLI jar built with this portal, so platforms compute exactly the hashes the teens' browsers do. */
    @GET
    @Path("hasher.jar")
    @Produces("application/java-archive")
    public Response hasherJar() {
        InputStream jar = PlatformsPageResource.class.getResourceAsStream(HASHER_JAR);
        if (jar == null) {
            throw new ApiProblemException(404, "Not found", "This build of the portal has no hasher.jar: build it "
                    + "with the whole project (mvn package), which builds hasher-teavm first.");
        }
        return Response.ok(jar).header("Content-Disposition", "attachment; filename=\"hasher.jar\"").build();
    }
}
