package org.takeitdown.portal.web;

/** A request whose values are invalid (400); the message says which and why. */
public class BadRequest extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    BadRequest(String detail, Integer item) {
        super(400, "Bad request", detail, item);
    }
}
