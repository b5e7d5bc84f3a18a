package org.takeitdown.portal.platform;

/**
 * What a platform did about a matched item. The one mapping to the {@code outcome} column is
 * {@link #stored()} / {@link #ofStored(String)}.
 */
public enum Outcome {
    pending_review, blocked, not_blocked;

    /** The value kept in the {@code outcome} column. */
    public String stored() {
        return name();
    }

    /** The outcome the {@code outcome} column holds. */
    public static Outcome ofStored(String value) {
        return valueOf(value);
    }
}
