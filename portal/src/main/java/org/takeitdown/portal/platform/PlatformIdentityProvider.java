package org.takeitdown.portal.platform;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.takeitdown.portal.limits.Limits;
import org.takeitdown.portal.limits.Lookup;
import org.takeitdown.portal.web.WrongCredentials;

/**
 * Checks a platform key: wrong keys count against the client address's wrong platform keys (apart from wrong
 * case keys and admin passwords), the key's request
 * rate is charged, and the identity gets role {@link #PLATFORM} (match, feedback) and, for scope full,
 * {@link #PLATFORM_LIST} (feed, export, exchange, video frames); its attribute {@link #ATTRIBUTE} is the platform.
 */
@ApplicationScoped
public class PlatformIdentityProvider implements IdentityProvider<PlatformKeyRequest> {
    public static final String PLATFORM = "platform";
    public static final String PLATFORM_LIST = "platform-list";
    static final String ATTRIBUTE = "platform";

    private final PlatformService platforms;
    private final Limits limits;

    public PlatformIdentityProvider(PlatformService platforms, Limits limits) {
        this.platforms = platforms;
        this.limits = limits;
    }

    @Override
    public Class<PlatformKeyRequest> getRequestType() {
        return PlatformKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PlatformKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request));
    }

    private SecurityIdentity identity(PlatformKeyRequest request) {
        PlatformRecord p;
        try {
            p = limits.lookup(Lookup.PLATFORM_KEY, request.address, () -> platforms.authenticateKey(request.key));
        } catch (WrongCredentials wrong) {
            throw new AuthenticationFailedException(wrong.getMessage());
        }
        limits.platformRequest(p.id());
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> "platform-" + p.id()).addRole(PLATFORM).addAttribute(ATTRIBUTE, p);
        if (Scope.parse(p.scope()) == Scope.FULL) {
            b.addRole(PLATFORM_LIST);
        }
        return b.build();
    }
}
