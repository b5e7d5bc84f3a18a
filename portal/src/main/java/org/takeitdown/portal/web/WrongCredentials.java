package org.takeitdown.portal.web;

/**
 * Credentials (a password, an API key) that match nothing: a failed look-up, which the identity providers turn
 * into the sign-in mechanism's refusal.
 */
public class WrongCredentials extends RuntimeException implements FailedLookup {
    private static final long serialVersionUID = 1L;

    public WrongCredentials(String detail) {
        super(detail);
    }
}
