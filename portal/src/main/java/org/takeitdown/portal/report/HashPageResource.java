package org.takeitdown.portal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
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
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Page;
import org.takeitdown.portal.web.SiteConfig;

/**
 * The hashing page: files are hashed in a pool of Web Workers on the device and only hashes are sent.
 * POSTed with a case number and key (never in the address) it adds files to that case.
 */
@Path("/hash")
@Produces(MediaType.TEXT_HTML)
public class HashPageResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hash(Page page, String caseNumber, String caseKey);
    }

    private final SiteConfig site;
    private final CaseService cases;
    private final Limits limits;
    private final ClientAddress clients;

    @Context
    HttpServerRequest http;

    public HashPageResource(SiteConfig site, CaseService cases, Limits limits, ClientAddress clients) {
        this.clients = clients;
        this.site = site;
        this.cases = cases;
        this.limits = limits;
    }

    @GET
    public TemplateInstance newCase(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        return Templates.hash(page, null, null).setLocale(page.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addToCase(@FormParam("caseNumber") String number, @FormParam("caseKey") String key,
                              @Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = Page.of(uri, headers, site);
        try {
            CaseApi.View view = limits.lookup(clients.of(http), () -> cases.view(number, key));
            return Response.ok(Templates.hash(page, view.caseNumber(), key).setLocale(page.locale())).build();
        } catch (ApiProblemException e) {
            return Response.seeOther(java.net.URI.create(page.link("/cases/status"))).build();
        }
    }
}
