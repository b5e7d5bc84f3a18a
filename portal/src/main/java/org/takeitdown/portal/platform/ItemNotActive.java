package org.takeitdown.portal.platform;

import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.web.ApiProblemException;

/** The item was withdrawn or removed and is no longer on the list (409): feedback on it is not recorded. */
public class ItemNotActive extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    public ItemNotActive(long id, CaseStatus status) {
        super(409, "Conflict", "Item " + id + " was " + status
                + " and is no longer on the list; feedback on it is not recorded.");
    }
}
