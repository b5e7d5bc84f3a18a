package org.takeitdown.portal.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** The one place that answers an error: problem JSON under {@code /api} (or when no path is known), a calm page elsewhere. */
public final class ErrorAnswers {
    private ErrorAnswers() {
    }

    /** Whether the request at {@code path} is the API's (machine JSON) rather than a page's. */
    public static boolean isApi(String path) {
        return path == null || path.startsWith("/api");
    }

    /**
     * The answer with {@code status} for the request at {@code path}: a problem with {@code title} and
     * {@code detail} for the API, else the page {@code page} renders; both with {@code Cache-Control: no-store}.
     */
    public static Response answer(String path, int status, String title, String detail,
                                  Supplier<TemplateInstance> page) {
        return answer(path, new Problem("about:blank", title, status, detail, null, null), page);
    }

    /** The answer of {@link #answer(String, int, String, String, Supplier)} with the API's {@code problem} as it is. */
    public static Response answer(String path, Problem problem, Supplier<TemplateInstance> page) {
        if (isApi(path)) {
            return Problem.response(problem);
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store")
                .entity(page.get().render()).build();
    }
}
