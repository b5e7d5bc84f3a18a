package org.takeitdown.portal.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.takeitdown.portal.limits.ClientAddress;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.UnauthorizedException;

/**
 * Signs platforms in for every operation marked {@link PlatformAccess}, before its body is read: the key
 * (wrong keys count against the client address's failed look-ups), the key's request rate, and its scope.
 */
@ApplicationScoped
public class PlatformSignIn {
    static final String FUNCTIONS_KEY = "x-functions-key";
    static final String SUBSCRIPTION_KEY = "Ocp-Apim-Subscription-Key";
    private static final String EXCHANGE_CHALLENGE = "FunctionsKey";

    private final PlatformService platforms;
    private final Limits limits;
    private final ClientAddress clients;
    private final SignedInPlatform signedIn;
    private final CanaryService canaries;

    public PlatformSignIn(PlatformService platforms, Limits limits, ClientAddress clients, SignedInPlatform signedIn,
                          CanaryService canaries) {
        this.platforms = platforms;
        this.limits = limits;
        this.clients = clients;
        this.signedIn = signedIn;
        this.canaries = canaries;
    }

    @ServerRequestFilter
    public void signIn(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        PlatformAccess access = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(PlatformAccess.class);
        if (access == null) {
            return;
        }
        String key = key(access.credentials(), request);
        Platform p = limits.lookup(clients.of(http), () -> platforms.authenticateKey(key, challenge(access.credentials())));
        limits.platformRequest(p.id);
        Scope scope = Scope.parse(p.scope);
        if (!scope.allows(access.value())) {
            throw new ApiProblemException(403, "Forbidden", "This API key has scope \"" + scope.text()
                    + "\": it may match and send feedback, but not receive the list (feed, export, exchange, video "
                    + "frames). Ask the portal's operator for a key of scope \"full\" if you need the list.");
        }
        if (scope == Scope.FULL) {
            canaries.ensure(p.id);
        }
        signedIn.set(p);
    }

    private static String challenge(PlatformAccess.Credentials credentials) {
        return credentials == PlatformAccess.Credentials.BEARER ? "Bearer" : EXCHANGE_CHALLENGE;
    }

    /** The key sent, or 401 saying how to send it. */
    private static String key(PlatformAccess.Credentials credentials, ContainerRequestContext request) {
        if (credentials == PlatformAccess.Credentials.BEARER) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new UnauthorizedException("Bearer", "Send your API key as \"Authorization: Bearer <apiKey>\".");
            }
            return authorization.substring(7).strip();
        }
        String key = request.getHeaderString(FUNCTIONS_KEY);
        String subscription = request.getHeaderString(SUBSCRIPTION_KEY);
        if (key == null || key.isBlank() || subscription == null || subscription.isBlank()) {
            throw new UnauthorizedException(EXCHANGE_CHALLENGE, "Send your API key as \"x-functions-key: <apiKey>\" "
                    + "and a non-empty \"Ocp-Apim-Subscription-Key\" (the same key will do).");
        }
        return key.strip();
    }
}
