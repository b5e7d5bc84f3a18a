package org.takeitdown.portal.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The StopNCII-compatible exchange for python-threatexchange and HMA (x-functions-key, see {@link PlatformAuthMechanism}). */
@Path("/api/stopncii/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange")
public class ExchangeResource {
    private final SignedInPlatform caller;
    private final ExchangeService exchange;

    public ExchangeResource(SignedInPlatform caller, ExchangeService exchange) {
        this.caller = caller;
        this.exchange = exchange;
    }

    @GET
    @Path("FetchHashes")
    @RolesAllowed(PlatformIdentityProvider.PLATFORM_LIST)
    @Operation(operationId = "fetchHashes")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "429")
    public ExchangeApi.FetchHashesResponse fetchHashes(@QueryParam("startTimestamp") String startTimestamp,
                                                       @QueryParam("pageSize") String pageSize,
                                                       @QueryParam("nextPageToken") String nextPageToken) {
        return exchange.fetch(caller.get(), startTimestamp, pageSize, nextPageToken);
    }

    @POST
    @Path("SubmitFeedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformIdentityProvider.PLATFORM)
    @Operation(operationId = "submitFeedback")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "429")
    public ExchangeApi.FeedbackAnswer submitFeedback(ExchangeApi.SubmitFeedback request) {
        return exchange.submitFeedback(caller.get(), request);
    }
}
