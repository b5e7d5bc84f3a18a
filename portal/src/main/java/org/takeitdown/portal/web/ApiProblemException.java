package org.takeitdown.portal.web;

/** A request the API refuses, with the HTTP status and a message that says what is wrong. */
public class ApiProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;

    public ApiProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ApiProblemException badRequest(String detail) {
        return new ApiProblemException(400, "Bad request", detail);
    }

    public static ApiProblemException notFound() {
        return new ApiProblemException(404, "Not found",
                "No case matches this case number and case key.");
    }

    public static ApiProblemException conflict(String detail) {
        return new ApiProblemException(409, "Conflict", detail);
    }
}
