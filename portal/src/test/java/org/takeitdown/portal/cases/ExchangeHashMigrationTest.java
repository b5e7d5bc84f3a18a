package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration 9 fills the new exchange_hash column of the items stored before it exactly as {@link ExchangeHash#of}
 * gives it for new ones: every kind, quality on both sides of the threshold, no PDQ, and retired items (whose hashes
 * are gone). A wrong value would make FetchHashes call a hash withdrawn while an older item still carries it.
 */
class ExchangeHashMigrationTest {
    private static final String URL = "jdbc:h2:mem:exchange-hash-migration;DB_CLOSE_DELAY=-1";

    /** kind, md5, pdq, quality, status of the items stored before the migration. */
    private static final List<Object[]> ITEMS = List.of(
            new Object[] {"image", md5(1), pdq(1), 90, "active"},
            new Object[] {"image", md5(2), pdq(2), 50, "active"},
            new Object[] {"image", md5(3), pdq(3), 49, "active"},
            new Object[] {"image", md5(4), null, null, "active"},
            new Object[] {"video", md5(5), pdq(5), 90, "active"},
            new Object[] {"video", md5(6), null, null, "active"},
            new Object[] {"other", md5(7), pdq(7), 90, "active"},
            new Object[] {"image", null, null, null, "withdrawn"},
            new Object[] {"video", null, null, null, "removed"});

    private static String md5(int n) {
        return String.format("%032x", n);
    }

    private static String pdq(int n) {
        return String.format("%064x", n);
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(target)
                .load();
    }

    @Test
    void itemsStoredBeforeMigrationNineGetTheExchangeHashNewItemsGet() throws Exception {
        flyway("8").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO report_case (id, case_number, key_hmac, status, created_on) "
                        + "VALUES (1, 'AAAAABBBBB', 'k', 'active', DATE '2026-11-01')");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO case_item (id, case_id, kind, md5, pdq, "
                    + "pdq_quality, status, added_on, changed_on) VALUES (?, 1, ?, ?, ?, ?, ?, DATE '2026-11-01', "
                    + "DATE '2026-11-01')")) {
                for (int i = 0; i < ITEMS.size(); i++) {
                    Object[] item = ITEMS.get(i);
                    s.setLong(1, i + 1);
                    for (int col = 0; col < item.length; col++) {
                        s.setObject(col + 2, item[col]);
                    }
                    s.executeUpdate();
                }
            }
            flyway("latest").migrate();
            Map<Long, String> stored = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, exchange_hash FROM case_item")) {
                while (r.next()) {
                    stored.put(r.getLong(1), r.getString(2));
                }
            }
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < ITEMS.size(); i++) {
                Object[] item = ITEMS.get(i);
                ExchangeHash h = ExchangeHash.of((String) item[0], (String) item[1], (String) item[2], (Integer) item[3]);
                expected.add(h == null ? null : h.value());
                actual.add(stored.get((long) i + 1));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(expected).as("the cases include both kinds with a value, and none").containsNull()
                    .contains(pdq(1), pdq(2), md5(5), md5(6));
        } finally {
            try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
        }
    }
}
