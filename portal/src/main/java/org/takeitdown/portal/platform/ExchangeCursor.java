package org.takeitdown.portal.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.takeitdown.portal.web.ApiProblemException;

/**
 * The exchange's cursors over the feed's seq. A run's {@code startTimestamp} s stands for "changes with
 * seq above s − {@link #OFFSET}" and {@code nextSetTimestamp} is {@link #OFFSET} + the seq of the last
 * change scanned, so a client's first run (s = 10) reads from the start and a stored checkpoint resumes
 * exactly after the last change it scanned. {@code nextPageToken} is an opaque form of the same seq.
 */
final class ExchangeCursor {
    /** python-threatexchange's first startTimestamp (its DEFAULT_START_TIME): it means "from the start". */
    static final long OFFSET = 10;
    /** Upper bound of a timestamp: the client formats it as a date, so it stays far below year 9999 (2.5e11 s). */
    static final long MAX_TIMESTAMP = 250_000_000_000L;
    private static final String PREFIX = "seq:";

    private ExchangeCursor() {
    }

    /** The seq a run starting at {@code startTimestamp} reads after. */
    static long after(long startTimestamp) {
        return Math.max(0, startTimestamp - OFFSET);
    }

    static long timestamp(long seq) {
        return OFFSET + seq;
    }

    static String token(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq in {@code token}; 400 when it is not one of ours or lies before the run's start. */
    static long parse(String token, long runAfter) {
        long seq;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            seq = Long.parseLong(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badRequest("nextPageToken is not a token this portal gave; send the one of the "
                    + "previous page, or none to start the run.");
        }
        if (seq < runAfter) {
            throw ApiProblemException.badRequest("nextPageToken lies before this run's startTimestamp; send the "
                    + "startTimestamp the run began with.");
        }
        return seq;
    }
}
