package org.takeitdown.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import org.takeitdown.portal.db.Jdbc;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * On the embedded H2 database, makes every successful answer to a state-changing request wait until the
 * database file is on the disk, so that a power cut loses nothing a person or platform was told was
 * received. H2 writes each commit to its file ({@code WRITE_DELAY=0}) but never calls fsync on a commit;
 * {@code CHECKPOINT SYNC} does. Requests that committed before a flush started share it (group commit),
 * so the cost is one fsync per burst, not per request. PostgreSQL flushes every commit itself
 * ({@code synchronous_commit}), so there this does nothing.
 */
@ApplicationScoped
public class DurableAnswers {
    private final Jdbc jdbc;
    private final Object flushing = new Object();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private long flushed;

    public DurableAnswers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Before a 2xx answer to POST, PUT, PATCH or DELETE leaves, its commits are flushed to disk; an endpoint
     * marked {@link WritesNothing} is answered at once.
     */
    @ServerResponseFilter
    public void beforeAnswering(ContainerRequestContext request, ContainerResponseContext response,
                                ResourceInfo resource) {
        if (!jdbc.commitsReachDisk() && response.getStatus() < 300 && !isSafe(request.getMethod()) && !writesNothing(resource)) {
            flushCommitted();
        }
    }

    private static boolean writesNothing(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(WritesNothing.class);
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }

    /**
     * Returns once every transaction committed before this call is on disk. A caller takes a ticket; a
     * flush that starts after the ticket was taken covers it, so a caller whose ticket a finished flush
     * covered returns at once.
     */
    void flushCommitted() {
        long ticket = requested.incrementAndGet();
        synchronized (flushing) {
            if (flushed >= ticket) {
                return;
            }
            long covers = requested.get();
            jdbc.syncToDisk();
            flushed = covers;
            flushes.incrementAndGet();
        }
    }

    /** How many flushes were made since start (for tests: a count of work, not a time). */
    long flushes() {
        return flushes.get();
    }
}
