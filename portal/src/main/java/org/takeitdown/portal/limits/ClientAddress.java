package org.takeitdown.portal.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address as the HTTP layer sees it: the socket's, or the one from X-Forwarded-For
 * when {@code quarkus.http.proxy.proxy-address-forwarding} is on. Used only to key in-memory limits.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress a = request == null ? null : request.remoteAddress();
        if (a == null) {
            return "";
        }
        return a.hostAddress() != null ? a.hostAddress() : a.toString();
    }
}
