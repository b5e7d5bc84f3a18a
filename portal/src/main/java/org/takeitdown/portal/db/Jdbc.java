package org.takeitdown.portal.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Connections for the stores' plain-JDBC paths, one query-to-list helper, the two failures every store tells
 * apart by SQLState, and the one loop that runs work again after such a failure. Inside a JTA transaction a
 * connection is the transaction's own; {@link #inTransaction} makes a local one. SQL failures are rethrown
 * unchecked as {@link PersistenceException}.
 */
@ApplicationScoped
public class Jdbc {
    private final AgroalDataSource db;
    private final Dialect dialect;

    public Jdbc(AgroalDataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /** Whether a commit is on disk when it returns (see {@link Dialect#commitsReachDisk()}). */
    public boolean commitsReachDisk() {
        return dialect.commitsReachDisk();
    }

    /** Makes every commit made so far survive a power cut (see {@link Dialect#syncToDisk}). */
    public void syncToDisk() {
        onConnection(c -> {
            dialect.syncToDisk(c);
            return null;
        });
    }

    /** Work on one connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection (inside a JTA transaction, the transaction's own); SQL failures rethrown unchecked. */
    public <T> T onConnection(Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Runs {@code work} in a local transaction of its own: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return onConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Sets a statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Reads the current row of a result. */
    public interface Reader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** The rows of one query, each read by {@code reader}, on the connection {@link #onConnection} gives. */
    public <T> List<T> list(String sql, Binder binder, Reader<T> reader) {
        return onConnection(c -> list(c, sql, binder, reader));
    }

    /**
     * {@link #list} for a query that reads index ranges and must stop at its {@code FETCH FIRST} however many rows
     * share a value (see {@link Dialect#stoppingScans}).
     */
    public <T> List<T> listStopping(String sql, Binder binder, Reader<T> reader) {
        return onConnection(c -> dialect.stoppingScans(c, on -> list(on, sql, binder, reader)));
    }

    private static <T> List<T> list(Connection c, String sql, Binder binder, Reader<T> reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(reader.read(r));
                }
            }
            return out;
        }
    }

    /**
     * Runs {@code work}, and again while it fails in a way {@code again} accepts, at most {@code attempts} times in
     * all. {@code work} must change nothing when it fails, as a transaction the database aborted changed nothing.
     */
    public static <T> T retrying(int attempts, Predicate<Throwable> again, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !again.test(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether the failure is one the database asks to retry: a deadlock (PostgreSQL 40P01, H2 40001) or a
     * serialization failure (40001).
     */
    public static boolean isRetryable(Throwable e) {
        return hasState(e, "40P01") || hasState(e, "40001");
    }

    /** Whether the failure is a unique-constraint violation (23505 on H2 and PostgreSQL alike). */
    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, "23505");
    }

    /** The SQLState of {@code t} itself when it is a database failure, else null (for logs that must not quote messages). */
    public static String sqlState(Throwable t) {
        return t instanceof SQLException s ? s.getSQLState() : null;
    }

    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
