package org.takeitdown.portal.web;

/** A request the API refuses, with the HTTP status and a message that says what is wrong. */
public class ApiProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final Integer item;

    public ApiProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    ApiProblemException(int status, String title, String detail, Integer item) {
        super(detail);
        this.status = status;
        this.title = title;
        this.item = item;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The index of the refused item in the request's "items", or null when the problem is not one item's. */
    public Integer item() {
        return item;
    }

    public static BadRequest badRequest(String detail) {
        return new BadRequest(detail, null);
    }

    /** A 400 about one item of the request's "items", by its index. */
    public static BadRequest badItem(int index, String detail) {
        return new BadRequest(detail, index);
    }

    public static ApiProblemException conflict(String detail) {
        return new ApiProblemException(409, "Conflict", detail);
    }
}
