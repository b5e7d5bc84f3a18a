package org.takeitdown.portal.limits;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.takeitdown.portal.web.BodyBudget;
import org.takeitdown.portal.web.Counters;

/**
 * Bounds the bodies held while they arrive ({@link BodyBudget}): {@link #PER_ADDRESS} for one client address (a
 * trusted proxy's client, as the other limits count), {@link #ALL} for everyone. Over the first the request is a 429
 * (budget {@code body-bytes}; lifted with the other per-address limits when {@code portal.limits.enabled} is false),
 * over the second a 429 too (budget {@code body-bytes-all}, site-wide, always on, as it bounds the server's memory).
 */
@ApplicationScoped
public class BodyBytes implements BodyBudget {
    /**
     * Bytes of bodies held at once, everyone together: 64 full bodies of 1 MiB, or tens of thousands of a teen's
     * usual few kilobytes; well under the heap Quarkus gives a JVM on a 1 GiB machine (a quarter, 256 MiB).
     */
    static final long ALL = 64L * 1024 * 1024;
    /** Bytes of bodies held at once for one address: eight full bodies, far more than a page sends at a time. */
    static final long PER_ADDRESS = 8L * 1024 * 1024;

    private final ByteBudget budget;
    private final ClientAddress clients;
    private final Counters counters;

    @Inject
    public BodyBytes(LimitsConfig config, ClientAddress clients, Counters counters) {
        this.budget = new ByteBudget(ALL, config.enabled() ? PER_ADDRESS : ALL);
        this.clients = clients;
        this.counters = counters;
    }

    /** Bytes of bodies held now, everyone together. */
    public long held() {
        return budget.all();
    }

    @Override
    public Share open(HttpServerRequest request) {
        String client = clients.of(request);
        return new Share() {
            private long taken;
            private boolean released;

            @Override
            public synchronized String take(long bytes) {
                if (released) {
                    return null;
                }
                ByteBudget.Outcome answer = budget.take(client, bytes);
                if (answer == ByteBudget.Outcome.FITS) {
                    taken += bytes;
                    return null;
                }
                String limit = answer == ByteBudget.Outcome.OVER_ALL ? Budget.BODY_BYTES_ALL.tag() : Budget.BODY_BYTES.tag();
                counters.limited(limit);
                return limit;
            }

            @Override
            public synchronized void release() {
                if (!released) {
                    released = true;
                    budget.release(client, taken);
                }
            }
        };
    }
}
