package org.takeitdown.portal.cases;

import java.sql.Connection;
import java.sql.SQLException;

/** Platform feedback on one case's items, counted in aggregate (never which platform). */
public interface MatchReportCounter {
    /** The counts, read on {@code c} (the caller's transaction). */
    CaseApi.MatchReports countForCase(Connection c, long caseId) throws SQLException;
}
