package org.takeitdown.portal.web;

/** Missing or wrong credentials; answered {@code 401} with a {@code WWW-Authenticate} challenge. */
public class UnauthorizedException extends RuntimeException implements FailedLookup {
    private static final long serialVersionUID = 1L;
    private final String challenge;

    public UnauthorizedException(String challenge, String detail) {
        super(detail);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
