package org.takeitdown.portal.platform;

/** What a platform did about a matched item. */
public enum Outcome {
    pending_review, blocked, not_blocked
}
