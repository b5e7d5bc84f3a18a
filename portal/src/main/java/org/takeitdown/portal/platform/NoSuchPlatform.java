package org.takeitdown.portal.platform;

import org.takeitdown.portal.web.ApiProblemException;

/** No platform has this id (404). */
public class NoSuchPlatform extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    public NoSuchPlatform(long id) {
        super(404, "Not found", "There is no platform with id " + id + ".");
    }
}
