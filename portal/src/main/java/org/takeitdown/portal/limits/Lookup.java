package org.takeitdown.portal.limits;

/**
 * What a look-up checks. Each kind has its own budget of failures per address, so wrong case keys
 * never lock out a platform or the admin at the same address, and the reverse.
 */
public enum Lookup {
    CASE_KEY(Budget.LOOKUP_FAILURES, "Too many case look-ups with a wrong case number or key from this address. "
            + "Please wait a few minutes and try again."),
    PLATFORM_KEY(Budget.PLATFORM_KEY_FAILURES, "Too many requests with a wrong API key from this address. "
            + "Please wait a few minutes and try again."),
    ADMIN_PASSWORD(Budget.ADMIN_PASSWORD_FAILURES, "Too many admin sign-ins with a wrong password from this address. "
            + "Please wait a few minutes and try again.");

    /** The budget that refuses this kind's look-ups while its failures are over. */
    final Budget budget;
    /** The 429's detail. */
    final String overBudget;

    Lookup(Budget budget, String overBudget) {
        this.budget = budget;
        this.overBudget = overBudget;
    }
}
