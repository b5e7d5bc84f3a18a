package org.takeitdown.portal.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything the stores write differently for embedded H2 and PostgreSQL, and nothing else: taking
 * sequence values, locking rows that other rows reference, forcing committed work to disk and keeping bounded
 * reads bounded. The rest of the SQL is common to both.
 */
@ApplicationScoped
public class Dialect {
    private final boolean postgres;

    public Dialect(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
    }

    /** A query giving {@code ?} fresh values of {@code sequence}, one a row. */
    String nextValues(String sequence) {
        return postgres
                ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
    }

    /** An expression taking the next value of {@code sequence}, for a set-based UPDATE or INSERT … SELECT. */
    public String nextValue(String sequence) {
        return postgres ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
    }

    /**
     * The clause ending a SELECT that locks its rows against other writers until the transaction ends, without
     * blocking inserts of rows that reference them: PostgreSQL's {@code FOR NO KEY UPDATE}, which, unlike
     * {@code FOR UPDATE}, does not wait for (or deadlock with) the key-share locks a foreign key check of another
     * transaction's insert holds; H2 knows only {@code FOR UPDATE}.
     */
    public String forNoKeyUpdate() {
        return postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    /**
     * Whether a commit is on disk when it returns. PostgreSQL flushes every commit itself
     * ({@code synchronous_commit}); embedded H2 writes a commit to its file ({@code WRITE_DELAY=0}) but
     * leaves the flush to the operating system, so a power cut could lose it.
     */
    public boolean commitsReachDisk() {
        return postgres;
    }

    /** Makes every commit made so far survive a power cut: {@code CHECKPOINT SYNC} on H2 (an fsync), nothing on PostgreSQL. */
    public void syncToDisk(Connection c) throws SQLException {
        if (!postgres) {
            execute(c, "CHECKPOINT SYNC");
        }
    }

    /**
     * The condition that {@code column} equals {@code value} in a read that must stop at its {@code FETCH FIRST},
     * ordered by an index that starts with the column (run it through {@link #stoppingScans}). On PostgreSQL it is a
     * range of one value: told the column equals the value, the planner drops the column from the order asked for,
     * and when its statistics promise many rows a value it may walk another index in the remaining order instead
     * (the primary key, filtering), reading every row before the first match (a test read 7,324 rows to keep 100);
     * as a range only the column's index gives the order. H2 needs {@code =} to use the index in a correlated
     * subquery (with the range it read the whole table).
     */
    public String equalsForOrderedRead(String column, String value) {
        return postgres ? column + " >= " + value + " AND " + column + " <= " + value : column + " = " + value;
    }

    /**
     * Runs reads that must stop at their {@code FETCH FIRST} whatever the data: on PostgreSQL with bitmap scans off
     * while they run. A bitmap scan collects every index entry matching its condition before it returns a row, so
     * it cannot stop after the first few; PostgreSQL prefers one when its statistics promise few rows with a value,
     * as they do after many inserts until autovacuum has analysed the table (a test saw 441 rows read for 10 kept).
     * With them off it reads the index in order and stops. H2 has no bitmap scans. The setting is the session's
     * for the reads' duration only: reset after them, and gone with a rollback if the transaction fails.
     */
    public <T> T stoppingScans(Connection c, Jdbc.Work<T> work) throws SQLException {
        if (!postgres) {
            return work.run(c);
        }
        execute(c, "SET enable_bitmapscan = off");
        T result;
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException e) {
            try {
                execute(c, "RESET enable_bitmapscan");
            } catch (SQLException reset) {
                e.addSuppressed(reset);
            }
            throw e;
        }
        execute(c, "RESET enable_bitmapscan");
        return result;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
