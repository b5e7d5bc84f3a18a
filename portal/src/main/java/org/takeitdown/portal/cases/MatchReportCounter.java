package org.takeitdown.portal.cases;

/** Platform feedback on one case's items, counted in aggregate (never which platform). */
public interface MatchReportCounter {
    CaseApi.MatchReports countForCase(long caseId);
}
