package org.takeitdown.portal.platform;

import io.vertx.core.http.HttpServerRequest;
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
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.BodyLimits;
import org.takeitdown.portal.web.WritesNothing;

/** The platform API, version 1: sync feed, export, match and feedback (Authorization: Bearer key). */
@Path("/api/platform/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
public class PlatformApiResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final PlatformService platforms;
    private final FeedService feed;
    private final MatchService matcher;
    private final FeedbackService feedback;
    private final Limits limits;
    private final ClientAddress clients;

    @Context
    HttpServerRequest http;

    public PlatformApiResource(PlatformService platforms, FeedService feed, MatchService matcher,
                               FeedbackService feedback, Limits limits, ClientAddress clients) {
        this.clients = clients;
        this.platforms = platforms;
        this.feed = feed;
        this.matcher = matcher;
        this.feedback = feedback;
        this.limits = limits;
    }

    private Platform signIn(String authorization) {
        Platform p = limits.lookup(clients.of(http), () -> platforms.authenticate(authorization));
        limits.platformRequest(p.id);
        return p;
    }

    @GET
    @Path("hashes")
    @Operation(operationId = "feed")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "429")
    public PlatformApi.FeedPage hashes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @QueryParam("after") String after, @QueryParam("limit") String limit) {
        signIn(authorization);
        return feed.page(after, limit);
    }

    @GET
    @Path("hashes/export")
    @Produces({NDJSON, CSV})
    @Operation(operationId = "export")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "429")
    public Response export(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        signIn(authorization);
        boolean csv = accept != null && accept.toLowerCase().contains(CSV)
                && !accept.toLowerCase().contains(NDJSON);
        long through = feed.consistentSeq();
        StreamingOutput body = out -> feed.export(through, csv, out);
        return Response.ok(body, csv ? CSV + ";charset=utf-8" : NDJSON)
                .header("X-Consistent-Seq", Long.toString(through)).build();
    }

    @GET
    @Path("items/{id}/vpdq")
    @Operation(operationId = "itemVpdq")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "429")
    public PlatformApi.VpdqItem vpdq(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("id") String id) {
        signIn(authorization);
        return feed.vpdq(id);
    }

    @POST
    @Path("match")
    @WritesNothing
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "match")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "413")
    @APIResponse(responseCode = "429")
    public PlatformApi.MatchResponse match(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                           PlatformApi.MatchRequest request) {
        BodyLimits.check(http, request);
        signIn(authorization);
        return matcher.match(request);
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "feedback")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    public Response feedback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             PlatformApi.Feedback request) {
        Platform p = signIn(authorization);
        feedback.record(p, request);
        return Response.noContent().build();
    }
}
