package org.takeitdown.portal.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takeitdown.portal.platform.CanaryService;
import org.takeitdown.portal.platform.PlatformApi;
import org.takeitdown.portal.platform.PlatformService;
import org.takeitdown.portal.web.WritesNothing;

/** Admin API: platforms, their keys and scopes, leak tracing, and removal of items (HTTP Basic, {@link AdminAuthMechanism}; 404 when no password is set). */
@Path("/api/admin")
@RolesAllowed(AdminIdentityProvider.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminApiResource {
    private final PlatformService platforms;
    private final CanaryService canaries;

    public AdminApiResource(PlatformService platforms, CanaryService canaries) {
        this.canaries = canaries;
        this.platforms = platforms;
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
    public Response create(PlatformApi.NewPlatform request) {
        return Response.status(201).entity(platforms.create(request)).build();
    }

    @GET
    @Path("platforms")
    @Operation(operationId = "listPlatforms")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    public List<PlatformApi.PlatformView> list() {
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
    public PlatformApi.PlatformKey rotate(@PathParam("id") long id) {
        return platforms.rotate(id);
    }

    @POST
    @Path("leaks")
    @Consumes(MediaType.TEXT_PLAIN)
    @WritesNothing
    @Operation(operationId = "traceLeak")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public List<PlatformApi.Leak> leaks(String hashes) {
        return canaries.leakedBy(hashes);
    }

    @DELETE
    @Path("platforms/{id}")
    @Operation(operationId = "revokePlatform")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response revoke(@PathParam("id") long id) {
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
    public Response listing(@PathParam("id") long id, PlatformApi.Listing listing) {
        platforms.setListing(id, listing);
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
    public Response remove(@PathParam("id") long id, PlatformApi.Removal removal) {
        platforms.removeItem(id, removal);
        return Response.noContent().build();
    }
}
