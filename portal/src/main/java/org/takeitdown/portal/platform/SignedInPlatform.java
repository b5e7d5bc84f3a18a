package org.takeitdown.portal.platform;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The platform whose key {@link PlatformIdentityProvider} accepted for this request. */
@RequestScoped
public class SignedInPlatform {
    private final SecurityIdentity identity;

    public SignedInPlatform(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The signed-in platform; only operations allowed to role {@link PlatformIdentityProvider#PLATFORM} have one. */
    public PlatformRecord get() {
        PlatformRecord p = identity.getAttribute(PlatformIdentityProvider.ATTRIBUTE);
        if (p == null) {
            throw new IllegalStateException("no platform signed in: is the operation @RolesAllowed(\"platform\")?");
        }
        return p;
    }
}
