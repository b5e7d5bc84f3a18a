package org.takeitdown.portal.web;

/**
 * Marks a refusal because what the client gave (a case number and key, a password) matches nothing: each counts
 * against the client's budget of failed look-ups of that kind ({@code limits.Limits#lookup}).
 */
public interface FailedLookup {
}
