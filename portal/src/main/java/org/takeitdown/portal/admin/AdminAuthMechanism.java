package org.takeitdown.portal.admin;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Set;
import org.takeitdown.portal.limits.ClientAddress;

/**
 * Admin sign-in on {@code /admin} and {@code /api/admin/}: HTTP Basic, checked by {@link AdminIdentityProvider}.
 * Every request there with an {@code Authorization} header is a sign-in attempt (a failed one counts against the
 * address's look-ups); one without it is answered with the challenge and counts nowhere (a browser asks so before it
 * prompts for the password, and another site's page can make a visitor's browser ask so as often as it likes), unless
 * no password is set: then no one signs in and the area answers 404
 * ({@link AdminAuthProblems}). Other paths are not this mechanism's: there it finds no identity and sends no
 * challenge, so the platform mechanism answers them.
 */
@ApplicationScoped
public class AdminAuthMechanism implements HttpAuthenticationMechanism {
    static final String PAGE_PATH = "/admin";
    static final String API_PATH = "/api/admin/";
    static final String CHALLENGE = "Basic realm=\"admin\", charset=\"UTF-8\"";
    private static final String BASIC = "Basic ";

    private final AdminConfig config;
    private final ClientAddress clients;

    public AdminAuthMechanism(AdminConfig config, ClientAddress clients) {
        this.config = config;
        this.clients = clients;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (!covers(context.normalizedPath()) || !config.enabled() || authorization == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new AdminPasswordRequest(offered(authorization),
                clients.of(context.request())));
    }

    /** The decoded {@code user:password} of a Basic {@code Authorization} header; empty for anything else. */
    private static byte[] offered(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!covers(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(config.enabled() ? new ChallengeData(401, "WWW-Authenticate", CHALLENGE)
                : new ChallengeData(404, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(AdminPasswordRequest.class);
    }

    /** Whether {@code path} is the admin page or the admin API. */
    static boolean covers(String path) {
        return path.equals(PAGE_PATH) || path.startsWith(PAGE_PATH + "/") || path.startsWith(API_PATH);
    }
}
