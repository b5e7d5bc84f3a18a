package org.takeitdown.portal.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Test tool: how many rows a statement reads, as the database itself counts them when it runs the statement under
 * EXPLAIN ANALYZE. H2: the sum of every {@code scanCount} in the plan (rows each table, index or function scan
 * visited). PostgreSQL: for every scan node, the rows it passed on plus those its filter removed, times its loops;
 * the tables are first vacuumed and analysed ({@code VACUUM ANALYZE}), as autovacuum keeps a live database (right
 * after many inserts, before autovacuum has run, PostgreSQL may plan a bitmap scan that reads every row with the
 * value instead of an index scan that stops), and sequential scans are discouraged for the statement, because
 * PostgreSQL rightly reads a test's table of a few thousand rows whole: the plan shows what the indexes allow.
 * {@link #during} measures instead what a call reads on PostgreSQL with the statistics it has then.
 * Work is asserted as rows read, never as time.
 */
public final class RowsRead {
    private static final Pattern H2_SCAN_COUNT = Pattern.compile("/\\* scanCount: (\\d+) \\*/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowsRead() {
    }

    /** Runs {@code sql} with the values {@code binder} sets, under EXPLAIN ANALYZE, and returns the rows it read. */
    public static long of(DataSource db, String sql, Jdbc.Binder binder) {
        try (Connection c = db.getConnection()) {
            boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (pg) {
                set(c, "VACUUM ANALYZE");
                set(c, "SET enable_seqscan = off");
            }
            try (PreparedStatement s = c.prepareStatement((pg ? "EXPLAIN (ANALYZE, FORMAT JSON) " : "EXPLAIN ANALYZE ")
                    + sql)) {
                binder.bind(s);
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                return pg ? postgresRows(JSON.readTree(plan.toString()).get(0).get("Plan")) : h2Rows(plan.toString());
            } finally {
                if (pg) {
                    set(c, "RESET enable_seqscan");
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code db} is PostgreSQL. */
    public static boolean postgres(DataSource db) {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PostgreSQL only: the rows {@code call} reads from {@code table} as it runs, the table first analysed (as
     * autovacuum does after many inserts, so that the planner knows how many rows share a value; not vacuumed, and
     * nothing discouraged): index entries its index scans of the table returned, bitmap ones included, plus rows
     * sequential scans read, by the database's own counters for the current transaction
     * ({@code pg_stat_get_xact_tuples_returned}). {@code call} runs in a new transaction, on that transaction's
     * connection, so it counts exactly what the call's statements read.
     */
    public static long during(DataSource db, String table, Runnable call) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                set(c, "ANALYZE " + table);
                long before = tuplesReturned(c, table);
                call.run();
                return tuplesReturned(c, table) - before;
            }
        });
    }

    private static long tuplesReturned(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_stat_get_xact_tuples_returned(CAST(? AS regclass)) + "
                + "(SELECT COALESCE(SUM(pg_stat_get_xact_tuples_returned(indexrelid)), 0) FROM pg_index "
                + "WHERE indrelid = CAST(? AS regclass))")) {
            s.setString(1, table);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void set(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(setting);
        }
    }

    private static long h2Rows(String plan) {
        Matcher m = H2_SCAN_COUNT.matcher(plan);
        long rows = 0;
        while (m.find()) {
            rows += Long.parseLong(m.group(1));
        }
        if (rows == 0) {
            throw new IllegalStateException("No scanCount in the plan:\n" + plan);
        }
        return rows;
    }

    private static long postgresRows(JsonNode node) {
        long rows = 0;
        if (node.path("Node Type").asText().endsWith("Scan")) {
            rows += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
                    * node.path("Actual Loops").asLong(1);
        }
        for (JsonNode child : node.path("Plans")) {
            rows += postgresRows(child);
        }
        return rows;
    }
}
