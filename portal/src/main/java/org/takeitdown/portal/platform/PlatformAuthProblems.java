package org.takeitdown.portal.platform;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.takeitdown.portal.web.Problem;

/** Platform sign-in failures as problem JSON: 401 with the challenge of the API called, 403 for a key without list access. */
public class PlatformAuthProblems {
    @ServerExceptionMapper
    public Response noKey(UnauthorizedException e, HttpServerRequest http) {
        boolean exchange = http.path().startsWith(PlatformAuthMechanism.EXCHANGE_PATH);
        return unauthorized(exchange, exchange
                ? "Send your API key as \"x-functions-key: <apiKey>\" and a non-empty \"Ocp-Apim-Subscription-Key\" "
                        + "(the same key will do)."
                : "Send your API key as \"Authorization: Bearer <apiKey>\".");
    }

    @ServerExceptionMapper
    public Response wrongKey(AuthenticationFailedException e, HttpServerRequest http) {
        return unauthorized(http.path().startsWith(PlatformAuthMechanism.EXCHANGE_PATH),
                e.getMessage() == null ? "This API key is not valid or has been revoked." : e.getMessage());
    }

    @ServerExceptionMapper
    public Response noListAccess(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "This API key has scope \"match-only\": it may match and send "
                + "feedback, but not receive the list (feed, export, exchange, video frames). Ask the portal's "
                + "operator for a key of scope \"full\" if you need the list.");
    }

    private static Response unauthorized(boolean exchange, String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail)).header("WWW-Authenticate",
                exchange ? PlatformAuthMechanism.EXCHANGE_CHALLENGE : PlatformAuthMechanism.BEARER).build();
    }
}
