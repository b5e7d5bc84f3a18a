package org.takeitdown.portal.platform;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.hasher.vpdq.VpdqMatcher;
import org.takeitdown.portal.web.ApiProblemException;

/** The integrators' page: how to sync (natively or with threatexchange/HMA), match, send feedback, and the hasher jar. */
@Path("/platforms")
public class PlatformsPageResource {
    /** Where the build puts the hasher CLI jar on the classpath (see the portal POM). */
    static final String HASHER_JAR = "/hasher-cli/hasher.jar";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance platforms(boolean hasherJar, Rules rules);
    }

    /** The figures the page states, from the code and configuration that enforce them. */
    public record Rules(int minQuality, long purgeDays, int maxHashes, int distance, int maxVideos, int maxFrames,
                        double share) {
    }

    private final PlatformConfig config;

    public PlatformsPageResource(PlatformConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        boolean jar = PlatformsPageResource.class.getResource(HASHER_JAR) != null;
        return Templates.platforms(jar, new Rules(HashRules.PDQ_MIN_QUALITY, config.purgeAfter().toDays(),
                MatchService.MAX_QUERIES, MatchService.DEFAULT_DISTANCE, MatchService.MAX_VIDEOS, HashRules.VPDQ_MAX_FRAMES,
                VpdqMatcher.DEFAULT_MATCH_PERCENT));
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
