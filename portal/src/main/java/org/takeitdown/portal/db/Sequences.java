package org.takeitdown.portal.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one way ids are made: every row's id is a value of its table's sequence, used as it is, taken
 * in one query for a whole batch. No caller assumes anything of the sequence's increment, so ids stay
 * unique whatever a migration sets it to, and whichever instance or path inserts.
 */
@ApplicationScoped
public class Sequences {
    private final Dialect dialect;

    public Sequences(Dialect dialect) {
        this.dialect = dialect;
    }

    /** {@code n} fresh values of {@code sequence}, in one query. */
    public long[] next(Connection c, String sequence, int n) throws SQLException {
        long[] out = new long[n];
        if (n == 0) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(dialect.nextValues(sequence))) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!r.next()) {
                        throw new SQLException("the sequence " + sequence + " gave fewer values than asked");
                    }
                    out[i] = r.getLong(1);
                }
            }
        }
        return out;
    }

    /** One fresh value of {@code sequence}. */
    public long next(Connection c, String sequence) throws SQLException {
        return next(c, sequence, 1)[0];
    }
}
