package org.takeitdown.portal.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Test-only server-side filter: counts every request's bytes (request line, headers, body) as received. */
@ApplicationScoped
public class RequestBytes {
    private final AtomicLong heads = new AtomicLong();
    private final AtomicLong bodies = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest r = rc.request();
            long head = r.method().name().length() + 1 + r.uri().length() + 1 + "HTTP/1.1".length() + 2 + 2;
            for (Map.Entry<String, String> h : r.headers()) {
                head += h.getKey().length() + 2 + h.getValue().length() + 2;
            }
            long counted = head;
            rc.addEndHandler(done -> {
                requests.incrementAndGet();
                heads.addAndGet(counted);
                bodies.addAndGet(r.bytesRead());
            });
            rc.next();
        });
    }

    public void reset() {
        heads.set(0);
        bodies.set(0);
        requests.set(0);
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
