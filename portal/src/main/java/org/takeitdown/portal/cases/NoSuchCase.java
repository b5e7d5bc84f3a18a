package org.takeitdown.portal.cases;

import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.FailedLookup;

/** No case has this case number and case key (404): a failed look-up. */
public class NoSuchCase extends ApiProblemException implements FailedLookup {
    private static final long serialVersionUID = 1L;

    private final boolean counts;

    /** {@code guessed}: a well-formed number and key were given, so the refusal counts as a guess. */
    public NoSuchCase(boolean guessed) {
        super(404, "Not found", "No case matches this case number and case key.");
        this.counts = guessed;
    }

    @Override
    public boolean counts() {
        return counts;
    }
}
