package org.takeitdown.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 7807 problem body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem response with {@code Cache-Control: no-store}. */
    public static Response response(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .header("Cache-Control", "no-store")
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}
