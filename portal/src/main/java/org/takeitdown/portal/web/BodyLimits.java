package org.takeitdown.portal.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two body limits: the HTTP layer refuses bodies over {@code quarkus.http.limits.max-body-size} (1 MiB as
 * shipped); resources taking JSON call {@link #check} once the body is read and answer 413 (problem JSON) when
 * one over 256 KiB carries no vPDQ frames. The size is the bytes the connection actually read, chunked or not.
 * {@link TooLargeBodyRoute} answers bodies over the first limit on {@code /api} with the same problem.
 */
public final class BodyLimits {
    /** The limit for bodies without video frames. */
    public static final long SMALL_LIMIT = 256 * 1024;
    /** The title of every 413 problem. */
    static final String TITLE = "Body too large";
    private static final String MAX_BODY = "quarkus.http.limits.max-body-size";
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    private BodyLimits() {
    }

    public static void check(HttpServerRequest http, Object entity) {
        if (http.bytesRead() > SMALL_LIMIT && !(entity instanceof LargeBody large && large.carriesFrames())) {
            throw new ApiProblemException(413, TITLE, tooLarge(maxBody()));
        }
    }

    /** The largest body the HTTP layer takes ({@code quarkus.http.limits.max-body-size}), in bytes. */
    static long maxBody() {
        return ConfigProvider.getConfig().getOptionalValue(MAX_BODY, MemorySize.class).map(MemorySize::asLongValue)
                .orElse(MIB);
    }

    /** The 413 message for a server that takes at most {@code maxBody} bytes in any body. */
    static String tooLarge(long maxBody) {
        return "A body without video frames may be at most " + size(Math.min(SMALL_LIMIT, maxBody))
                + "; one with vPDQ frames at most " + size(maxBody) + ".";
    }

    private static String size(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
    }
}
