package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.takeitdown.portal.web.Problem;
import org.takeitdown.portal.web.SignInArea;

/** Platform sign-in failures as problem JSON: 401 with the challenge of the API called, 403 for a key without list access. */
@ApplicationScoped
public class PlatformAuthProblems implements SignInArea {
    @Override
    public boolean covers(String path) {
        return PlatformAuthMechanism.covers(path);
    }

    @Override
    public Response unauthorized(String path) {
        boolean exchange = PlatformAuthMechanism.isExchange(path);
        return unauthorized(exchange, exchange
                ? "Send your API key as \"x-functions-key: <apiKey>\" and a non-empty \"Ocp-Apim-Subscription-Key\" "
                        + "(the same key will do)."
                : "Send your API key as \"Authorization: Bearer <apiKey>\".");
    }

    @Override
    public Response refused(String path, String detail) {
        return unauthorized(PlatformAuthMechanism.isExchange(path),
                detail == null ? "This API key is not valid or has been revoked." : detail);
    }

    @Override
    public Response forbidden(String path) {
        return Problem.response(403, "Forbidden", "This API key has scope \"match-only\": it may match and send "
                + "feedback, but not receive the list (feed, export, exchange, video frames). Ask the portal's "
                + "operator for a key of scope \"full\" if you need the list.");
    }

    private static Response unauthorized(boolean exchange, String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail)).header("WWW-Authenticate",
                exchange ? PlatformAuthMechanism.EXCHANGE_CHALLENGE : PlatformAuthMechanism.BEARER).build();
    }
}
