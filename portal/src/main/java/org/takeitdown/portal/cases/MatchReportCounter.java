package org.takeitdown.portal.cases;

/** Platform feedback on one case's items, counted in aggregate (never which platform). */
public interface MatchReportCounter {
    /** The counts, read in the caller's transaction when there is one. */
    CaseApi.MatchReports countForCase(long caseId);
}
