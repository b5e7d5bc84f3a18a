package org.takeitdown.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 7807 problem body; extension members: {@code item}, the index of the refused item, when one is, and
 * {@code limit}, the limit a {@code 429} hit (its {@code budget} tag), so a page can say which.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Integer item, String limit) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem response with {@code Cache-Control: no-store}. */
    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    /** A problem response about the item at index {@code item} of the request (null: about no one item). */
    public static Response response(int status, String title, String detail, Integer item) {
        return response(new Problem("about:blank", title, status, detail, item, null));
    }

    /** A problem response of {@code problem} with {@code Cache-Control: no-store}. */
    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .header("Cache-Control", "no-store")
                .entity(problem)
                .build();
    }
}
