package org.takeitdown.portal.cases;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.limits.Retries;
import org.takeitdown.portal.web.BodyLimits;
import org.takeitdown.portal.web.HeaderText;

/** Anonymous case API used by the portal's pages: create, read, add to and withdraw a case. */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Anonymous take-down cases. Only hashes are sent; nothing identifies the sender.")
public class CaseApiResource {
    static final String KEY_HEADER = "X-Case-Key";
    private final CaseService cases;
    private final Limits limits;
    private final ClientAddress clients;

    @Context
    HttpServerRequest http;

    public CaseApiResource(CaseService cases, Limits limits, ClientAddress clients) {
        this.clients = clients;
        this.cases = cases;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a case from 1 to 100 items")
    @APIResponse(responseCode = "201", description = "Created; the case key is shown only now")
    @APIResponse(responseCode = "400", description = "Bad body")
    @APIResponse(responseCode = "413", description = "Body over 256 KiB (1 MiB when it carries vPDQ frames)")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "409", description = "More vPDQ frames than a case may hold")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @APIResponse(responseCode = "429", description = "Over the rate of new cases, the daily cap of cases, the daily items or frames budget, or the requests that stored nothing, for this address; see Retry-After. A retry answered with the earlier case counts among the requests that stored nothing, not the new cases, and gets its case even over the limits on new cases")
    @ResponseStatus(201)
    public CaseApi.Created create(
            @Parameter(description = "A random id made by the client; a retry with the same id and body returns the same case for at least 24 hours")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            CaseApi.ItemsRequest request) {
        BodyLimits.check(http, request);
        return limits.creatingCase(clients.of(http), items(request), frames(request),
                () -> cases.createOrReplay(request, idempotencyKey),
                new Retries<>(CaseService.Creation::replayed, () -> cases.earlier(request, idempotencyKey))).created();
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "A case's status; 404 for an unknown number or a wrong key")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "Unknown number, malformed number, wrong or missing key")
    @APIResponse(responseCode = "429", description = "Too many failed look-ups from this address; see Retry-After")
    public CaseApi.View get(@PathParam("number") String number, @HeaderParam(KEY_HEADER) String key) {
        return limits.lookup(clients.of(http), () -> cases.view(number, HeaderText.utf8(key)));
    }

    @POST
    @Path("/{number}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add 1 to 100 items to an active case")
    @APIResponse(responseCode = "200", description = "The case after adding, with how many items were new and how many it already held")
    @APIResponse(responseCode = "400", description = "Bad body")
    @APIResponse(responseCode = "404", description = "Unknown number or wrong key")
    @APIResponse(responseCode = "409", description = "Case withdrawn, or over 1,000 items or over its cap of vPDQ frames (permanent: start a new case)")
    @APIResponse(responseCode = "413", description = "Body over 256 KiB (1 MiB when it carries vPDQ frames)")
    @APIResponse(responseCode = "429", description = "Over the rate of additions, the daily items or frames budget, the requests that stored nothing, or the failed case look-ups of this address; see Retry-After")
    public CaseApi.Addition addItems(@PathParam("number") String number, @HeaderParam(KEY_HEADER) String key,
                                 CaseApi.ItemsRequest request) {
        BodyLimits.check(http, request);
        return limits.addingItems(clients.of(http), items(request), frames(request),
                () -> cases.addItems(number, HeaderText.utf8(key), request));
    }

    /** Items a request carries, as the per-address budget counts them (before repeats are dropped). */
    private static int items(CaseApi.ItemsRequest request) {
        return request == null || request.items() == null ? 0 : request.items().size();
    }

    /** vPDQ frames a request carries, as the per-address budget counts them. */
    private static int frames(CaseApi.ItemsRequest request) {
        if (request == null || request.items() == null) {
            return 0;
        }
        return request.items().stream().mapToInt(i -> i == null || i.vpdq() == null ? 0 : i.vpdq().size()).sum();
    }

    @DELETE
    @Path("/{number}")
    @Operation(summary = "Withdraw the case and all its items")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "Unknown number or wrong key")
    @APIResponse(responseCode = "409", description = "Already withdrawn")
    public Response withdraw(@PathParam("number") String number, @HeaderParam(KEY_HEADER) String key) {
        limits.lookup(clients.of(http), () -> {
            cases.withdraw(number, HeaderText.utf8(key));
            return null;
        });
        return Response.noContent().build();
    }
}
