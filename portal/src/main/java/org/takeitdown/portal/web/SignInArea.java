package org.takeitdown.portal.web;

import jakarta.ws.rs.core.Response;

/** A part of the site behind a sign-in mechanism, and how it answers a request that did not sign in ({@link SignInProblems}). */
public interface SignInArea {
    /** Whether the request path {@code path} belongs to this area. */
    boolean covers(String path);

    /** The answer to a request that brought no credentials. */
    Response unauthorized(String path);

    /** The answer to a request whose credentials were refused; {@code detail} says why, or is null. */
    Response refused(String path, String detail);

    /** The answer to a signed-in request whose identity lacks the role the operation needs. */
    default Response forbidden(String path) {
        return Problem.response(403, "Forbidden", "This sign-in may not use this operation.");
    }
}
