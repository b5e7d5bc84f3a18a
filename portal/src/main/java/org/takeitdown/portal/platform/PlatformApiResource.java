package org.takeitdown.portal.platform;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.BodyLimits;
import org.takeitdown.portal.web.WritesNothing;

/** The platform API, version 1: sync feed, export, match and feedback (Authorization: Bearer key, see {@link PlatformAuthMechanism}). */
@Path("/api/platform/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
public class PlatformApiResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final SignedInPlatform caller;
    private final FeedService feed;
    private final MatchService matcher;
    private final FeedbackService feedback;
    private final Limits limits;

    @Context
    HttpServerRequest http;

    @Context
    RoutingContext routing;

    public PlatformApiResource(SignedInPlatform caller, FeedService feed, MatchService matcher,
                               FeedbackService feedback, Limits limits) {
        this.caller = caller;
        this.limits = limits;
        this.feed = feed;
        this.matcher = matcher;
        this.feedback = feedback;
    }

    @GET
    @Path("hashes")
    @RolesAllowed(PlatformIdentityProvider.PLATFORM_LIST)
    @Operation(operationId = "feed")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "429")
    public PlatformApi.FeedPage hashes(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return feed.page(caller.get(), after, limit);
    }

    @GET
    @Path("hashes/export")
    @Produces({NDJSON, CSV})
    @RolesAllowed(PlatformIdentityProvider.PLATFORM_LIST)
    @Operation(operationId = "export")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "429")
    public Response export(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        PlatformRecord platform = caller.get();
        boolean csv = accept != null && accept.toLowerCase().contains(CSV)
                && !accept.toLowerCase().contains(NDJSON);
        Runnable release = limits.startExport(platform.id());
        // Frees the claim when the answer ends, is cut off, or fails, whichever comes first.
        routing.addEndHandler(done -> release.run());
        long through = feed.consistentSeq();
        HttpServerResponse response = http.response();
        StreamingOutput body = out -> feed.export(platform, through, csv, out, response::closed);
        return Response.ok(body, csv ? CSV + ";charset=utf-8" : NDJSON)
                .header("X-Consistent-Seq", Long.toString(through)).build();
    }

    @GET
    @Path("items/{id}/vpdq")
    @RolesAllowed(PlatformIdentityProvider.PLATFORM_LIST)
    @Operation(operationId = "itemVpdq")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "429")
    public PlatformApi.VpdqItem vpdq(@PathParam("id") String id) {
        return feed.vpdq(id);
    }

    @POST
    @Path("match")
    @WritesNothing
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformIdentityProvider.PLATFORM)
    @Operation(operationId = "match")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "413")
    @APIResponse(responseCode = "429")
    public PlatformApi.MatchResponse match(PlatformApi.MatchRequest request) {
        BodyLimits.check(http, request);
        return matcher.match(caller.get(), request);
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformIdentityProvider.PLATFORM)
    @Operation(operationId = "feedback")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    public Response feedback(PlatformApi.Feedback request) {
        feedback.record(caller.get(), request);
        return Response.noContent().build();
    }
}
