package org.takeitdown.portal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.takeitdown.hasher.rules.HashRules;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseNumbers;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.DegenerateHashes;
import org.takeitdown.portal.cases.ItemRules;
import org.takeitdown.portal.cases.NoSuchCase;
import org.takeitdown.portal.limits.Budget;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.BodyLimits;

/**
 * The hashing page: files are hashed in a pool of Web Workers on the device and only hashes are sent.
 * POSTed to {@code /hash/add} with a case number and key (never in the address) it adds files to that case.
 */
@Path("/hash")
@Produces(MediaType.TEXT_HTML)
public class HashPageResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hash(String caseNumber, String caseKey, Rules rules);

        static native TemplateInstance addAgain(boolean notFound, String number, String key);
    }

    /**
     * The rules the page's script applies, rendered from the code and the running configuration the
     * server enforces them with: the PDQ quality floor, the items and the body bytes one request may
     * carry (without and with vPDQ frames), the limits that are site-wide (their tags, space-separated), so
     * a {@code 429} naming one says the portal is busy rather than that this address tried too often, the limits
     * that count one UTC day (their tags), so a wait until midnight is said in hours, and the MD5s of files that
     * are no one's picture (space-separated), which the server refuses.
     */
    public record Rules(int pdqMinQuality, int itemsPerRequest, long bodyLimit, long framesBodyLimit,
                        String siteWideLimits, String dailyLimits, String refusedMd5s) {
    }

    private final CaseService cases;
    private final Limits limits;
    private final ClientAddress clients;
    private final Rules rules;

    @Context
    HttpServerRequest http;

    public HashPageResource(CaseService cases, Limits limits, ClientAddress clients,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.clients = clients;
        this.cases = cases;
        this.limits = limits;
        this.rules = new Rules(HashRules.PDQ_MIN_QUALITY, ItemRules.MAX_PER_REQUEST,
                Math.min(BodyLimits.SMALL_LIMIT, maxBody.asLongValue()), maxBody.asLongValue(),
                Arrays.stream(Budget.values()).filter(Budget::siteWide).map(Budget::tag).collect(Collectors.joining(" ")),
                Arrays.stream(Budget.values()).filter(Budget::daily).map(Budget::tag).collect(Collectors.joining(" ")),
                String.join(" ", DegenerateHashes.refusedMd5s()));
    }

    @GET
    public TemplateInstance newCase() {
        return Templates.hash(null, null, rules);
    }

    /**
     * The add-files address opened again (a reload, or Back then Forward): the number and key are not kept, so
     * it asks for them again rather than becoming the new-case page, where files would make a new case.
     */
    @GET
    @Path("add")
    public TemplateInstance addAgain() {
        return Templates.addAgain(false, "", "");
    }

    /** The hashing page for adding files to the case with this number and key; asked again when there is none. */
    @POST
    @Path("add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addToCase(@FormParam("caseNumber") String number, @FormParam("caseKey") String key) {
        try {
            CaseApi.View view = limits.lookup(clients.of(http), () -> cases.view(number, key));
            return Response.ok(Templates.hash(view.caseNumber(), CaseNumbers.parseKey(key), rules)).build();
        } catch (NoSuchCase e) {
            return Response.status(404)
                    .entity(Templates.addAgain(true, CaseNumbers.retyped(number), CaseNumbers.retyped(key))).build();
        }
    }
}
