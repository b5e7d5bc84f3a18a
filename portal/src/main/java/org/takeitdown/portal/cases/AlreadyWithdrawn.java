package org.takeitdown.portal.cases;

import org.takeitdown.portal.web.ApiProblemException;

/** The case was withdrawn before (409): withdrawing again changes nothing. */
public class AlreadyWithdrawn extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    public AlreadyWithdrawn() {
        super(409, "Conflict", "This case is already withdrawn.");
    }
}
