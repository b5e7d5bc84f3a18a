package org.takeitdown.portal.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Memory for the request bodies {@link TooLargeBodyRoute} holds while they arrive and until their answers end: bounded
 * for each client address and for all together, so that connections each holding most of a 1 MiB body can't exhaust
 * the heap (implemented with the other limits, {@code limits.BodyBytes}).
 */
public interface BodyBudget {
    /** The bytes one request's body holds, taken as they arrive and given back once when its request ends. */
    interface Share {
        /** Takes {@code bytes} more: null when they fit, else the name of the limit they would pass (a 429's). */
        String take(long bytes);

        /** Gives back all this share took; later calls do nothing. */
        void release();
    }

    /** A new share for the body of {@code request}, counted against its client's address. */
    Share open(HttpServerRequest request);
}
