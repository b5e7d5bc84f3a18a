package org.takeitdown.portal.limits;

/**
 * What a look-up checks. Each kind has its own budget of failures per address, so wrong case keys
 * never lock out a platform or the admin at the same address, and the reverse.
 */
public enum Lookup {
    CASE_KEY("lookup-failures", "Too many case look-ups with a wrong case number or key from this address. "
            + "Please wait a few minutes and try again."),
    PLATFORM_KEY("platform-key-failures", "Too many requests with a wrong API key from this address. "
            + "Please wait a few minutes and try again."),
    ADMIN_PASSWORD("admin-password-failures", "Too many admin sign-ins with a wrong password from this address. "
            + "Please wait a few minutes and try again.");

    /** The {@code budget} tag of {@code portal_limits_refused_total} when this kind's failures are over. */
    final String budget;
    /** The 429's detail. */
    final String overBudget;

    Lookup(String budget, String overBudget) {
        this.budget = budget;
        this.overBudget = overBudget;
    }
}
