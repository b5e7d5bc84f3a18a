package org.takeitdown.portal.limits;

/**
 * The limits that refuse requests, each named by its {@code budget} tag of {@code portal_limits_refused_total}:
 * one list, so {@link Limits} refers to a budget by its constant and a renamed tag can't stop matching.
 */
public enum Budget {
    /** New cases from one address within a short window. */
    CREATE("create"),
    /** New cases from one address in one UTC day. */
    CASES_PER_DAY("cases-per-day"),
    /** Items from one address in one UTC day, new cases and additions together. */
    ITEMS_PER_DAY("items-per-day"),
    /** vPDQ frames from one address in one UTC day. */
    FRAMES_PER_DAY("frames-per-day"),
    /** Add-items requests from one address within a short window. */
    ADD("add"),
    /** Requests from one address that stored nothing, within a short window. */
    STORED_NOTHING("stored-nothing"),
    /** A full table of addresses refusing a new one: new addresses wait, whoever they are. */
    CLIENTS_FULL("clients-full", true),
    /** Requests by one platform key, per second. */
    PLATFORM("platform"),
    /** Exports streaming at once: one per platform key, {@link Limits#MAX_EXPORTS} in all. */
    EXPORTS("exports", true),
    /** Failed look-ups by case number and key ({@link Lookup#CASE_KEY}). */
    LOOKUP_FAILURES("lookup-failures"),
    /** Requests with a wrong platform API key ({@link Lookup#PLATFORM_KEY}). */
    PLATFORM_KEY_FAILURES("platform-key-failures"),
    /** Admin sign-ins with a wrong password ({@link Lookup#ADMIN_PASSWORD}). */
    ADMIN_PASSWORD_FAILURES("admin-password-failures");

    private final String tag;
    private final boolean siteWide;

    Budget(String tag) {
        this(tag, false);
    }

    Budget(String tag, boolean siteWide) {
        this.tag = tag;
        this.siteWide = siteWide;
    }

    /**
     * Whether the limit is reached by everyone's requests together rather than by one address's or one key's:
     * a person refused by it did nothing too often, so they are told the site is busy, not that their
     * connection tried too much.
     */
    public boolean siteWide() {
        return siteWide;
    }

    /**
     * Whether the limit counts one UTC day, so that a person refused by it waits until midnight UTC: hours
     * rather than minutes, which the hashing page says in hours.
     */
    public boolean daily() {
        return this == CASES_PER_DAY || this == ITEMS_PER_DAY || this == FRAMES_PER_DAY;
    }

    /** The name counted as the {@code budget} tag of {@code portal_limits_refused_total}. */
    public String tag() {
        return tag;
    }
}
