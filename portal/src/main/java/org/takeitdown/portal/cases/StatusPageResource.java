package org.takeitdown.portal.cases;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.Page;

/** Case status for people: number and key are POSTed in a form, never put in an address. */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class StatusPageResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(boolean notFound, String number, String key);

        static native TemplateInstance status(CaseApi.View view, String caseKey, boolean needConfirm);

        static native TemplateInstance withdrawn();
    }
    private final CaseService cases;
    private final Limits limits;
    private final ClientAddress clients;
    private final Page page;

    @Context
    HttpServerRequest http;

    public StatusPageResource(CaseService cases, Limits limits, ClientAddress clients, Page page) {
        this.clients = clients;
        this.page = page;
        this.cases = cases;
        this.limits = limits;
    }

    @GET
    @Path("status")
    public TemplateInstance form() {
        return Templates.form(false, "", "");
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@FormParam("caseNumber") String number, @FormParam("caseKey") String key) {
        try {
            CaseApi.View view = limits.lookup(clients.of(http), () -> cases.view(number, key));
            return Response.ok(Templates.status(view, CaseNumbers.parseKey(key), false)).build();
        } catch (NoSuchCase e) {
            return Response.status(404).entity(Templates.form(true, CaseNumbers.retyped(number), CaseNumbers.retyped(key)))
                    .build();
        }
    }

    /**
     * The withdraw answer's address opened again (a reload, or Back then Forward, after the page showed it):
     * the status form, where the case number and key are typed again; they are never kept in an address.
     */
    @GET
    @Path("withdraw")
    public Response withdrawAgain() {
        return page.seeOther("/cases/status");
    }

    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@FormParam("caseNumber") String number, @FormParam("caseKey") String key,
                             @FormParam("confirm") String confirm) {
        try {
            if (!"yes".equals(confirm)) {
                CaseApi.View view = limits.lookup(clients.of(http), () -> cases.view(number, key));
                return Response.status(400).entity(Templates.status(view, CaseNumbers.parseKey(key), true)).build();
            }
            limits.lookup(clients.of(http), () -> {
                cases.withdraw(number, key);
                return null;
            });
            return Response.ok(Templates.withdrawn()).build();
        } catch (AlreadyWithdrawn e) {
            return Response.ok(Templates.withdrawn()).build();
        } catch (NoSuchCase e) {
            return Response.status(404).entity(Templates.form(true, CaseNumbers.retyped(number), CaseNumbers.retyped(key)))
                    .build();
        }
    }
}
