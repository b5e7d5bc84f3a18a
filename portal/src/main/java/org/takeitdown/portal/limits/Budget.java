package org.takeitdown.portal.limits;

/**
 * The limits that refuse requests, each named by its {@code budget} tag of {@code portal_limits_refused_total}:
 * one list, so {@link Limits} refers to a budget by its constant and a renamed tag can't stop matching.
 */
public enum Budget {
    /** New cases from one address within a short window. */
    CREATE("create", Reach.SHORT),
    /** New cases from one address in one UTC day. */
    CASES_PER_DAY("cases-per-day", Reach.DAILY),
    /** Items from one address in one UTC day, new cases and additions together. */
    ITEMS_PER_DAY("items-per-day", Reach.DAILY),
    /** vPDQ frames from one address in one UTC day. */
    FRAMES_PER_DAY("frames-per-day", Reach.DAILY),
    /** Add-items requests from one address within a short window. */
    ADD("add", Reach.SHORT),
    /** Requests from one address that stored nothing, within a short window. */
    STORED_NOTHING("stored-nothing", Reach.SHORT),
    /** A full table of addresses refusing a new one: new addresses wait, whoever they are. */
    CLIENTS_FULL("clients-full", Reach.SITE_WIDE),
    /** Requests by one platform key, per second. */
    PLATFORM("platform", Reach.SHORT),
    /** Exports streaming at once: one per platform key, {@link Limits#MAX_EXPORTS} in all. */
    EXPORTS("exports", Reach.SITE_WIDE),
    /** Failed look-ups by case number and key ({@link Lookup#CASE_KEY}). */
    LOOKUP_FAILURES("lookup-failures", Reach.SHORT),
    /** Requests with a wrong platform API key ({@link Lookup#PLATFORM_KEY}). */
    PLATFORM_KEY_FAILURES("platform-key-failures", Reach.SHORT),
    /** Admin sign-ins with a wrong password ({@link Lookup#ADMIN_PASSWORD}). */
    ADMIN_PASSWORD_FAILURES("admin-password-failures", Reach.SHORT),
    /** Bytes of bodies one address has arriving at once ({@link BodyBytes#PER_ADDRESS}). */
    BODY_BYTES("body-bytes", Reach.SHORT),
    /** Bytes of bodies arriving at once, everyone together ({@link BodyBytes#ALL}). */
    BODY_BYTES_ALL("body-bytes-all", Reach.SITE_WIDE);

    /** Whose requests a budget counts and how long a refused person waits. */
    private enum Reach {
        /** One address's or one key's requests within a short window: minutes at most. */
        SHORT,
        /** One address's requests in one UTC day: until midnight UTC. */
        DAILY,
        /** Everyone's requests together. */
        SITE_WIDE
    }

    private final String tag;
    private final Reach reach;

    Budget(String tag, Reach reach) {
        this.tag = tag;
        this.reach = reach;
    }

    /**
     * Whether the limit is reached by everyone's requests together rather than by one address's or one key's:
     * a person refused by it did nothing too often, so they are told the site is busy, not that their
     * connection tried too much.
     */
    public boolean siteWide() {
        return reach == Reach.SITE_WIDE;
    }

    /**
     * Whether the limit counts one UTC day, so that a person refused by it waits until midnight UTC: hours
     * rather than minutes, which the hashing page says in hours.
     */
    public boolean daily() {
        return reach == Reach.DAILY;
    }

    /** The name counted as the {@code budget} tag of {@code portal_limits_refused_total}. */
    public String tag() {
        return tag;
    }
}
