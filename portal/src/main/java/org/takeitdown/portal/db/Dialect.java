package org.takeitdown.portal.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything the stores write differently for embedded H2 and PostgreSQL, and nothing else: taking
 * sequence values, locking rows that other rows reference, and forcing committed work to disk. The rest of the SQL
 * is common to both.
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
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }
}
