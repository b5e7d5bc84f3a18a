package org.takeitdown.portal.platform;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.takeitdown.portal.limits.ClientAddress;

/**
 * Platform sign-in: {@code Authorization: Bearer <key>} on the native API, {@code x-functions-key: <key>} with
 * a non-empty {@code Ocp-Apim-Subscription-Key} on the exchange. No key: no identity, so {@code @RolesAllowed}
 * answers 401 ({@link PlatformAuthProblems}); a key is checked by {@link PlatformIdentityProvider}. Other paths are
 * not this mechanism's: there it finds no identity and sends no challenge, so the admin mechanism answers them.
 */
@ApplicationScoped
public class PlatformAuthMechanism implements HttpAuthenticationMechanism {
    static final String NATIVE_PATH = "/api/platform/";
    static final String EXCHANGE_PATH = "/api/stopncii/";
    static final String FUNCTIONS_KEY = "x-functions-key";
    static final String SUBSCRIPTION_KEY = "Ocp-Apim-Subscription-Key";
    static final String BEARER = "Bearer";
    static final String EXCHANGE_CHALLENGE = "FunctionsKey";

    private final ClientAddress clients;

    public PlatformAuthMechanism(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        String key = null;
        if (path.startsWith(NATIVE_PATH)) {
            String authorization = context.request().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, BEARER + " ", 0, 7)) {
                key = authorization.substring(7).strip();
            }
        } else if (path.startsWith(EXCHANGE_PATH)) {
            String k = context.request().getHeader(FUNCTIONS_KEY);
            String subscription = context.request().getHeader(SUBSCRIPTION_KEY);
            if (k != null && !k.isBlank() && subscription != null && !subscription.isBlank()) {
                key = k.strip();
            }
        }
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new PlatformKeyRequest(key, clients.of(context.request())));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (!covers(path)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                isExchange(path) ? EXCHANGE_CHALLENGE : BEARER));
    }

    /** Whether {@code path} is on the native platform API or the exchange. */
    static boolean covers(String path) {
        return path.startsWith(NATIVE_PATH) || isExchange(path);
    }

    static boolean isExchange(String path) {
        return path.startsWith(EXCHANGE_PATH);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(PlatformKeyRequest.class);
    }
}
