package org.takeitdown.portal.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.takeitdown.portal.web.ClientGone;

/**
 * Test only: a streamed answer that begins, waits for its reader to close the connection, and then ends as
 * {@link FeedService#export} does when a write to a closed connection fails: with {@link ClientGone}. (Vert.x
 * fails such a write only some of the time, so the failure is not left to a write.)
 */
@Path("/abandoned-answer-for-tests")
public class AbandonedAnswerResource {
    /** How long the answer waits for its reader to go: far longer than a test takes to close the connection. */
    private static final long WAIT_SECONDS = 30;

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(hidden = true)
    public StreamingOutput get(@Context HttpServerRequest request) {
        return out -> {
            out.write(new byte[1024]);
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!request.response().closed()) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            throw new ClientGone(new IOException("Connection was closed"));
        };
    }
}
