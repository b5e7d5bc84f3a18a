package org.takeitdown.portal.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only server-side filter: counts every request's bytes (request line, headers, body) as received and,
 * while {@link #keepBodies()} is on, keeps each request's body: the privacy proof in engines without DevTools.
 */
@ApplicationScoped
public class RequestBytes {
    /** Far above anything a browser test sends; a body over it is refused rather than kept in part. */
    private static final long KEPT_BODY_LIMIT = 16L * 1024 * 1024;

    /** One request as the server received it. */
    public record Received(String method, String path, byte[] body) {
    }

    private final AtomicLong heads = new AtomicLong();
    private final AtomicLong bodies = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final BodyHandler bodyReader = BodyHandler.create(false).setBodyLimit(KEPT_BODY_LIMIT);
    private volatile boolean keepBodies;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest r = rc.request();
            long head = r.method().name().length() + 1 + r.uri().length() + 1 + "HTTP/1.1".length() + 2 + 2;
            for (Map.Entry<String, String> h : r.headers()) {
                head += h.getKey().length() + 2 + h.getValue().length() + 2;
            }
            long counted = head;
            boolean keep = keepBodies;
            rc.addEndHandler(done -> {
                requests.incrementAndGet();
                heads.addAndGet(counted);
                bodies.addAndGet(r.bytesRead());
                if (keep) {
                    Buffer body = rc.body().buffer();
                    received.add(new Received(r.method().name(), r.path(), body == null ? new byte[0] : body.getBytes()));
                }
            });
            if (keep) {
                // Reads the whole body before the application does; Quarkus REST then reads it from the context.
                bodyReader.handle(rc);
            } else {
                rc.next();
            }
        });
    }

    /** Zeroes the counters and forgets kept bodies; bodies are no longer kept. */
    public void reset() {
        keepBodies = false;
        heads.set(0);
        bodies.set(0);
        requests.set(0);
        received.clear();
    }

    /** Zeroes the counters and keeps every request's body from now until the next {@link #reset()}. */
    public void keepBodies() {
        reset();
        keepBodies = true;
    }

    /** Every request received since {@link #keepBodies()}, with its body, in the order they ended. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public long headBytes() {
        return heads.get();
    }

    public long bodyBytes() {
        return bodies.get();
    }

    public long requests() {
        return requests.get();
    }
}
