package org.takeitdown.portal.platform;

import org.takeitdown.portal.web.ApiProblemException;

/** No item has this id (404). */
public class NoSuchItem extends ApiProblemException {
    private static final long serialVersionUID = 1L;

    public NoSuchItem(long id) {
        super(404, "Not found", "There is no item with id " + id + ".");
    }
}
