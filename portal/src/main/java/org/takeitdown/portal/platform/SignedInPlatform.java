package org.takeitdown.portal.platform;

import jakarta.enterprise.context.RequestScoped;

/** The platform whose key {@link PlatformSignIn} accepted for this request. */
@RequestScoped
public class SignedInPlatform {
    private Platform platform;

    void set(Platform p) {
        this.platform = p;
    }

    /** The signed-in platform; only operations marked {@link PlatformAccess} have one. */
    public Platform get() {
        if (platform == null) {
            throw new IllegalStateException("no platform signed in: is the operation marked @PlatformAccess?");
        }
        return platform;
    }
}
