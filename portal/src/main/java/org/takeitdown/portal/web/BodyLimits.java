package org.takeitdown.portal.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Two body limits: the HTTP layer refuses bodies over 1 MiB; resources taking JSON call
 * {@link #check} once the body is read and answer 413 (problem JSON) when one over 256 KiB
 * carries no vPDQ frames. The size is the bytes the connection actually read, chunked or not.
 */
public final class BodyLimits {
    /** The limit for bodies without video frames. */
    public static final long SMALL_LIMIT = 256 * 1024;

    private BodyLimits() {
    }

    public static void check(HttpServerRequest http, Object entity) {
        if (http.bytesRead() > SMALL_LIMIT && !(entity instanceof LargeBody large && large.carriesFrames())) {
            throw new ApiProblemException(413, "Body too large",
                    "A body without video frames may be at most 256 KiB; one with vPDQ frames at most 1 MiB.");
        }
    }
}
