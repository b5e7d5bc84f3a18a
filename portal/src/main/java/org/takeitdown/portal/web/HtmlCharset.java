package org.takeitdown.portal.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Every HTML answer declares {@code charset=UTF-8}, however it was made: a JAX-RS {@code Response} holding a template
 * (a form's answer, an error page) otherwise goes out as bare {@code text/html}, and a browser may then guess another
 * charset for Arabic, Hindi or Korean text. Checked as the headers are written, so no answer is missed.
 */
@ApplicationScoped
public class HtmlCharset {
    static final String HTML_UTF8 = "text/html;charset=UTF-8";

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::declare);
    }

    private void declare(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(v -> {
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.trim().toLowerCase(Locale.ROOT).equals("text/html")) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, HTML_UTF8);
            }
        });
        ctx.next();
    }
}
