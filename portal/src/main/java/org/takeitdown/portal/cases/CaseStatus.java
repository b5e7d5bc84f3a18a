package org.takeitdown.portal.cases;

/** Lifecycle of a case and of its items; "removed" is an administrator's removal of one item. */
public enum CaseStatus {
    active, withdrawn, removed
}
