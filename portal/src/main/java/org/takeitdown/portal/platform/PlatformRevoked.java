package org.takeitdown.portal.platform;

import org.takeitdown.portal.web.ApiProblemException;

/** The platform is revoked (409), and a revoked platform stays revoked: no new key for it. */
public class PlatformRevoked extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    public PlatformRevoked(long id) {
        super(409, "Conflict", "Platform " + id + " is revoked, and a revoked platform stays "
                + "revoked: its key cannot be rotated. Create a new platform to issue a new key.");
    }
}
