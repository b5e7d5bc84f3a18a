package org.takeitdown.portal.cases;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;

/**
 * The paths every teenager's request takes — new cases, added items, the case look-up — on plain
 * JDBC: all ids in one query, items in one batch, fixed SQL, no entity machinery (which took most of
 * the server's time per request under load). Ids come from the entities' own sequences, each value
 * used as it is: the entities' pooled allocation never hands out a value another caller received,
 * so both can insert side by side.
 */
@ApplicationScoped
public class CaseJdbc {
    private final AgroalDataSource db;
    private final boolean postgres;

    public CaseJdbc(AgroalDataSource db, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.db = db;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** A connection of this data source (inside a JTA transaction, the transaction's own). */
    Connection connection() throws SQLException {
        return db.getConnection();
    }

    /** Work on one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in its own transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
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
        }
    }

    /** A case as the look-ups need it. */
    record CaseRow(long id, String number, String keyHmac, CaseStatus status) {
    }

    /** The case with this number, or null. */
    CaseRow findCase(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, key_hmac, status FROM report_case WHERE case_number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new CaseRow(r.getLong(1), number, r.getString(2), CaseStatus.valueOf(r.getString(3))) : null;
            }
        }
    }

    /**
     * Locks the case's row until the transaction ends and returns its status read under the lock:
     * requests adding to the same case then run one after another, so each sees the MD5s the one
     * before it committed (and concurrent adds of the same MD5 store it once instead of failing).
     */
    CaseStatus lock(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM report_case WHERE id = ? FOR UPDATE")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return CaseStatus.valueOf(r.getString(1));
            }
        }
    }

    /** The MD5s a case holds. */
    Set<String> md5s(Connection c, long caseId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT md5 FROM case_item WHERE case_id = ? AND md5 IS NOT NULL")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /** The vPDQ frames a case's items hold. */
    long countFrames(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(vpdq_frames), 0) FROM case_item WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The number of items of a case. */
    long countItems(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM case_item WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Inserts the case; the number's uniqueness is the table's (SQLState 23505 when taken). */
    long insertCase(Connection c, String number, String keyHmac, LocalDate today) throws SQLException {
        long id = ids(c, "report_case_seq", 1)[0];
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO report_case (id, case_number, key_hmac, status, created_on) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, number);
            s.setString(3, keyHmac);
            s.setString(4, CaseStatus.active.name());
            s.setDate(5, Date.valueOf(today));
            s.executeUpdate();
        }
        return id;
    }

    /** Inserts checked items of a case, unsequenced, with their vPDQ frames. */
    void insertItems(Connection c, long caseId, List<NewItem> items, LocalDate today) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        long[] ids = ids(c, "case_item_seq", items.size());
        boolean frames = false;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_item (id, case_id, kind, md5, pdq, pdq_quality, "
                + "status, seq, added_on, changed_on, vpdq_frames) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                NewItem item = items.get(i);
                s.setLong(1, ids[i]);
                s.setLong(2, caseId);
                s.setString(3, item.kind());
                s.setString(4, item.md5());
                s.setString(5, item.pdq());
                if (item.pdqQuality() == null) {
                    s.setNull(6, Types.SMALLINT);
                } else {
                    s.setShort(6, item.pdqQuality().shortValue());
                }
                s.setString(7, CaseStatus.active.name());
                s.setDate(8, Date.valueOf(today));
                s.setDate(9, Date.valueOf(today));
                if (item.vpdq() == null) {
                    s.setNull(10, Types.INTEGER);
                } else {
                    s.setInt(10, item.vpdq().size());
                    frames = true;
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        if (frames) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO item_vpdq (item_id, frames) VALUES (?, ?)")) {
                for (int i = 0; i < items.size(); i++) {
                    List<VpdqFrame> f = items.get(i).vpdq();
                    if (f != null) {
                        s.setLong(1, ids[i]);
                        s.setString(2, VpdqText.format(f));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        }
    }

    /** Stores a sealed idempotent answer; the key HMAC's uniqueness is the table's (SQLState 23505 when taken). */
    void insertAnswer(Connection c, String keyHmac, String salt, String bodyMac, String answer, LocalDateTime expiresAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO idempotent_answer (key_hmac, salt, body_mac, answer, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, keyHmac);
            s.setString(2, salt);
            s.setString(3, bodyMac);
            s.setString(4, answer);
            s.setTimestamp(5, Timestamp.valueOf(expiresAt));
            s.executeUpdate();
        }
    }

    /** {@code n} fresh values of a sequence, in one query. */
    private long[] ids(Connection c, String sequence, int n) throws SQLException {
        String sql = postgres
                ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
        long[] out = new long[n];
        try (PreparedStatement s = c.prepareStatement(sql)) {
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

    /**
     * Whether the failure is one the database asks to retry: a deadlock (PostgreSQL 40P01, H2 40001) or a
     * serialization failure (40001). A withdrawal updates its items while the sequencer numbers pending
     * rows in its own order, so on PostgreSQL the two can deadlock and the database aborts one of them.
     */
    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a unique-constraint violation (the same SQLState on H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
