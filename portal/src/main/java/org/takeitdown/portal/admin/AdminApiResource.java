package org.takeitdown.portal.admin;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.platform.CanaryService;
import org.takeitdown.portal.platform.PlatformApi;
import org.takeitdown.portal.platform.PlatformService;
import org.takeitdown.portal.web.ApiProblemException;

/** Admin API: platforms, their keys and scopes, leak tracing, and removal of items (HTTP Basic; 404 when no password is set). */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminApiResource {
    private final AdminAuth auth;
    private final PlatformService platforms;
    private final ClientAddress clients;
    private final CanaryService canaries;

    @Context
    HttpServerRequest http;

    public AdminApiResource(AdminAuth auth, PlatformService platforms, ClientAddress clients, CanaryService canaries) {
        this.canaries = canaries;
        this.clients = clients;
        this.auth = auth;
        this.platforms = platforms;
    }

    private void signIn(String authorization) {
        auth.check(authorization, clients.of(http));
    }

    @POST
    @Path("platforms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlatform")
    @APIResponse(responseCode = "201")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           PlatformApi.NewPlatform request) {
        signIn(authorization);
        return Response.status(201).entity(platforms.create(request)).build();
    }

    @GET
    @Path("platforms")
    @Operation(operationId = "listPlatforms")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    public List<PlatformApi.PlatformView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        signIn(authorization);
        return platforms.list();
    }

    @POST
    @Path("platforms/{id}/rotate")
    @Operation(operationId = "rotatePlatformKey")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public PlatformApi.PlatformKey rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("id") long id) {
        signIn(authorization);
        return platforms.rotate(id);
    }

    @POST
    @Path("leaks")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(operationId = "traceLeak")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public List<PlatformApi.Leak> leaks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String hashes) {
        signIn(authorization);
        return canaries.leakedBy(hashes);
    }

    @DELETE
    @Path("platforms/{id}")
    @Operation(operationId = "revokePlatform")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        signIn(authorization);
        platforms.revoke(id);
        return Response.noContent().build();
    }

    @POST
    @Path("platforms/{id}/listing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPlatformListing")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response listing(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
                            PlatformApi.Listing listing) {
        signIn(authorization);
        if (listing == null || listing.listed() == null) {
            throw new ApiProblemException(400, "Bad request", "listed (true or false) is required.");
        }
        platforms.setListing(id, listing.listed(), listing.scans());
        return Response.noContent().build();
    }

    @POST
    @Path("items/{id}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "removeItem")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
                           PlatformApi.Removal removal) {
        signIn(authorization);
        platforms.removeItem(id, removal);
        return Response.noContent().build();
    }
}
