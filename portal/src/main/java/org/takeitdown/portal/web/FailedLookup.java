package org.takeitdown.portal.web;

/**
 * Marks a refusal because what the client gave (a case number and key, a password) matches nothing: each counts
 * against the client's budget of failed look-ups of that kind ({@code limits.Limits#lookup}).
 */
public interface FailedLookup {
    /**
     * Whether this refusal was a guess to count: true unless what was given could not have matched anything whatever
     * was stored (no key at all, a key or number of the wrong form), which another site's page can send on a
     * visitor's behalf and would otherwise use up everyone's budget at that address.
     */
    default boolean counts() {
        return true;
    }
}
