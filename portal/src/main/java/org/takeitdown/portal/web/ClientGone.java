package org.takeitdown.portal.web;

import java.io.IOException;

/**
 * The client stopped reading an answer that had begun (a closed connection, a download cancelled): nothing
 * failed on our side and no answer can reach it any more, so it is not an error ({@link ClientGoneMapper}).
 */
public class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClientGone(IOException cause) {
        super(cause);
    }
}
