package org.takeitdown.portal.planted.alpha;

import java.sql.Connection;
import java.sql.SQLException;
import org.takeitdown.portal.planted.beta.PlantedBeta;

/**
 * A planted service that runs SQL itself (breaks "only stores reach the database") and depends on a feature
 * package that depends back on this one (breaks "no cycles between features").
 */
public class PlantedService {
    public boolean valid(Connection c) throws SQLException {
        return c.isValid(1) && new PlantedBeta().ready();
    }
}
