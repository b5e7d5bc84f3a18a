package org.takeitdown.portal.planted.alpha;

import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import org.takeitdown.portal.planted.web.PlantedProblem;

/** A planted store that answers in web types (breaks "stores never touch web types"). */
public class PlantedStore {
    public Response find(Connection c) throws SQLException {
        c.isValid(1);
        return Response.status(404).entity(new PlantedProblem()).build();
    }
}
