package org.takeitdown.portal.cases;

/**
 * Lifecycle of a case and of its items; "removed" is an administrator's removal of one item. The one
 * mapping to the {@code status} columns is {@link #stored()} / {@link #ofStored(String)}: SQL binds
 * those values as parameters, never as literals.
 */
public enum CaseStatus {
    active, withdrawn, removed;

    /** The value kept in a {@code status} column. */
    public String stored() {
        return name();
    }

    /** The status a {@code status} column holds; an unknown value is a corrupt row, refused loudly. */
    public static CaseStatus ofStored(String value) {
        return valueOf(value);
    }
}
