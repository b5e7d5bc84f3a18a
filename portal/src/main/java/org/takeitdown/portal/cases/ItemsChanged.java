package org.takeitdown.portal.cases;

/** Fired after a transaction that added, withdrew or removed items has committed. */
public record ItemsChanged() {
}
