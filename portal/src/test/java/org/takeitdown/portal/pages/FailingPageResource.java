package org.takeitdown.portal.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test only: a page that fails unexpectedly, to see the 500 page a teenager would get. */
@Path("/failing-page-for-tests")
public class FailingPageResource {
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String get() {
        throw new IllegalStateException("a page failed");
    }
}
