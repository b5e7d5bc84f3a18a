package org.takeitdown.portal.cases;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.db.Sequences;

/**
 * The cases' tables — {@code report_case}, {@code case_item} (every write), {@code item_vpdq},
 * {@code idempotent_answer}, {@code withdrawn_hash}, {@code server_secret} — on plain JDBC: fixed SQL,
 * all ids of a batch in one query, items in one batch, no entity machinery (which took most of the
 * server's time per request under load). Each method runs on the caller's transaction when there is
 * one ({@link CaseService} owns them); statuses are bound through {@link CaseStatus#stored()}.
 */
@ApplicationScoped
public class CaseStore {
    private final Jdbc jdbc;
    private final Sequences sequences;

    public CaseStore(Jdbc jdbc, Sequences sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /** A case as the look-ups need it. */
    public record CaseRow(long id, String number, String keyHmac, CaseStatus status) {
    }

    /** A stored answer to a case creation with an Idempotency-Key (see {@link AnswerSeal}). */
    record StoredAnswer(String salt, String bodyMac, String answer) {
    }

    /** An item as a retirement needs it. */
    private record ItemRow(long id, String kind, String md5, String pdq, Integer pdqQuality, Integer vpdqFrames,
                           Long seq) {
    }

    /** The case with this number. */
    Optional<CaseRow> findCase(String number) {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, key_hmac, status FROM report_case WHERE case_number = ?")) {
                s.setString(1, number);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new CaseRow(r.getLong(1), number, r.getString(2), CaseStatus.ofStored(r.getString(3))))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Locks the case's row until the transaction ends and returns its status read under the lock:
     * requests adding to the same case then run one after another, so each sees the MD5s the one
     * before it committed (and concurrent adds of the same MD5 store it once instead of failing).
     */
    CaseStatus lock(long caseId) {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT status FROM report_case WHERE id = ? FOR UPDATE")) {
                s.setLong(1, caseId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return CaseStatus.ofStored(r.getString(1));
                }
            }
        });
    }

    /** The MD5s a case holds. */
    Set<String> md5s(long caseId) {
        return new HashSet<>(jdbc.list("SELECT md5 FROM case_item WHERE case_id = ? AND md5 IS NOT NULL",
                s -> s.setLong(1, caseId), r -> r.getString(1)));
    }

    /** The vPDQ frames a case's items hold. */
    long countFrames(long caseId) {
        return count("SELECT COALESCE(SUM(vpdq_frames), 0) FROM case_item WHERE case_id = ?", caseId);
    }

    /** The number of items of a case. */
    long countItems(long caseId) {
        return count("SELECT COUNT(*) FROM case_item WHERE case_id = ?", caseId);
    }

    private long count(String sql, long caseId) {
        return jdbc.list(sql, s -> s.setLong(1, caseId), r -> r.getLong(1)).get(0);
    }

    /** Inserts an active case; the number's uniqueness is the table's (SQLState 23505 when taken). */
    long insertCase(String number, String keyHmac, LocalDate today) {
        return jdbc.onConnection(c -> {
            long id = sequences.next(c, "report_case_seq");
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO report_case (id, case_number, key_hmac, status, created_on) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, number);
                s.setString(3, keyHmac);
                s.setString(4, CaseStatus.active.stored());
                s.setDate(5, Date.valueOf(today));
                s.executeUpdate();
            }
            return id;
        });
    }

    /** Inserts checked items of a case, active and unsequenced, with their vPDQ frames. */
    void insertItems(long caseId, List<NewItem> items, LocalDate today) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.onConnection(c -> {
            long[] ids = sequences.next(c, "case_item_seq", items.size());
            insertItemRows(c, caseId, items, ids, today);
            insertFrames(c, items, ids);
            return null;
        });
    }

    private static void insertItemRows(Connection c, long caseId, List<NewItem> items, long[] ids, LocalDate today)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_item (id, case_id, kind, md5, pdq, pdq_quality, "
                + "status, seq, added_on, changed_on, vpdq_frames, exchange_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                NewItem item = items.get(i);
                s.setLong(1, ids[i]);
                s.setLong(2, caseId);
                s.setString(3, item.kind());
                s.setString(4, item.md5());
                s.setString(5, item.pdq());
                s.setObject(6, item.pdqQuality() == null ? null : item.pdqQuality().shortValue(), Types.SMALLINT);
                s.setString(7, CaseStatus.active.stored());
                s.setDate(8, Date.valueOf(today));
                s.setDate(9, Date.valueOf(today));
                s.setObject(10, item.vpdq() == null ? null : item.vpdq().size(), Types.INTEGER);
                ExchangeHash exchange = ExchangeHash.of(item.kind(), item.md5(), item.pdq(), item.pdqQuality());
                s.setString(11, exchange == null ? null : exchange.value());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertFrames(Connection c, List<NewItem> items, long[] ids) throws SQLException {
        if (items.stream().allMatch(i -> i.vpdq() == null)) {
            return;
        }
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

    /** The stored answer for this key HMAC, if it has not expired by {@code now}. */
    Optional<StoredAnswer> liveAnswer(String keyHmac, LocalDateTime now) {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT salt, body_mac, answer FROM idempotent_answer WHERE key_hmac = ? AND expires_at > ?")) {
                s.setString(1, keyHmac);
                s.setTimestamp(2, Timestamp.valueOf(now));
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new StoredAnswer(r.getString(1), r.getString(2), r.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Expired answers one new answer deletes besides its own key's: more than the one it adds, so the expired
     * answers a burst of cases leaves go within a tenth as many new cases, while no request deletes more than this
     * many, however many expired at once; {@link #deleteExpiredAnswers} deletes the rest in the background.
     */
    static final int EXPIRED_ANSWERS_PER_ANSWER = 10;

    /** The keys of the first answers expired by a time: a range scan of the expiry index that stops after a number. */
    static final String FIRST_EXPIRED = "SELECT key_hmac FROM idempotent_answer WHERE expires_at <= ? "
            + "ORDER BY expires_at FETCH FIRST ? ROWS ONLY";

    /**
     * Before a new answer is stored under {@code keyHmac}: deletes this key's answer if it expired by {@code now}
     * (its key is the table's), and the {@link #EXPIRED_ANSWERS_PER_ANSWER} that expired first of the others: an
     * index range scan that stops there.
     */
    void deleteExpiredAnswers(String keyHmac, LocalDateTime now) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM idempotent_answer WHERE key_hmac = ? AND expires_at <= ?")) {
                s.setString(1, keyHmac);
                s.setTimestamp(2, Timestamp.valueOf(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM idempotent_answer WHERE key_hmac IN ("
                    + FIRST_EXPIRED + ")")) {
                s.setTimestamp(1, Timestamp.valueOf(now));
                s.setInt(2, EXPIRED_ANSWERS_PER_ANSWER);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes every answer expired by {@code now} (the background job's part; returns how many). */
    int deleteExpiredAnswers(LocalDateTime now) {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM idempotent_answer WHERE expires_at <= ?")) {
                s.setTimestamp(1, Timestamp.valueOf(now));
                return s.executeUpdate();
            }
        });
    }

    /** Stores a sealed idempotent answer; the key HMAC's uniqueness is the table's (SQLState 23505 when taken). */
    void insertAnswer(String keyHmac, StoredAnswer answer, LocalDateTime expiresAt) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO idempotent_answer (key_hmac, salt, body_mac, answer, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, keyHmac);
                s.setString(2, answer.salt());
                s.setString(3, answer.bodyMac());
                s.setString(4, answer.answer());
                s.setTimestamp(5, Timestamp.valueOf(expiresAt));
                return s.executeUpdate();
            }
        });
    }

    /** Marks the case withdrawn (its items are retired one by one, {@link #retire}). */
    void markWithdrawn(long caseId) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE report_case SET status = ? WHERE id = ?")) {
                s.setString(1, CaseStatus.withdrawn.stored());
                s.setLong(2, caseId);
                return s.executeUpdate();
            }
        });
    }

    /** The ids of a case's active items. */
    List<Long> activeItems(long caseId) {
        return jdbc.list("SELECT id FROM case_item WHERE case_id = ? AND status = ? ORDER BY id", s -> {
            s.setLong(1, caseId);
            s.setString(2, CaseStatus.active.stored());
        }, r -> r.getLong(1));
    }

    /** What {@link #retire} did. */
    enum Retired { RETIRED, NOT_ACTIVE, NO_SUCH_ITEM }

    /**
     * Marks an active item withdrawn or removed, under its row lock: hashes and vPDQ frames cleared, to be
     * sequenced again; its exchange hash, if it has one, sealed into {@code withdrawn_hash} with the seq
     * clients last saw (read under the lock: the sequencer may have numbered the item since any earlier
     * read) and the platforms that were given it ({@code receivers}, read under their locks).
     */
    Retired retire(long itemId, CaseStatus to, String reason, LocalDate today, HashSeal seal, ExchangeReceivers receivers) {
        return jdbc.onConnection(c -> {
            ItemRow item = lockItem(c, itemId);
            if (item == null) {
                return Retired.NO_SUCH_ITEM;
            }
            if (item.kind() == null) {
                return Retired.NOT_ACTIVE;
            }
            ExchangeHash hash = ExchangeHash.of(item.kind(), item.md5(), item.pdq(), item.pdqQuality());
            if (hash != null && !hasWithdrawnHash(c, itemId)) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO withdrawn_hash (item_id, first_seq, receivers, sealed) VALUES (?, ?, ?, ?)")) {
                    s.setLong(1, itemId);
                    s.setObject(2, item.seq(), Types.BIGINT);
                    s.setString(3, receivers.lockAndList(item.seq()));
                    s.setString(4, seal.seal(itemId, hash.text()));
                    s.executeUpdate();
                }
            }
            if (item.vpdqFrames() != null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM item_vpdq WHERE item_id = ?")) {
                    s.setLong(1, itemId);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE case_item SET status = ?, md5 = NULL, pdq = NULL, "
                    + "pdq_quality = NULL, exchange_hash = NULL, vpdq_frames = NULL, seq = NULL, changed_on = ?, "
                    + "removal_reason = ? WHERE id = ?")) {
                s.setString(1, to.stored());
                s.setDate(2, Date.valueOf(today));
                s.setString(3, reason);
                s.setLong(4, itemId);
                s.executeUpdate();
            }
            return Retired.RETIRED;
        });
    }

    /** The item under its row lock; its kind is null when it is not active. */
    private static ItemRow lockItem(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT kind, md5, pdq, pdq_quality, vpdq_frames, seq, status "
                + "FROM case_item WHERE id = ? FOR UPDATE")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                boolean active = CaseStatus.ofStored(r.getString(7)) == CaseStatus.active;
                return new ItemRow(itemId, active ? r.getString(1) : null, r.getString(2), r.getString(3),
                        r.getObject(4, Integer.class), r.getObject(5, Integer.class), r.getObject(6, Long.class));
            }
        }
    }

    private static boolean hasWithdrawnHash(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM withdrawn_hash WHERE item_id = ?")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Deletes retired (withdrawn or removed) items whose last change was before {@code before}, their sealed
     * exchange hashes with them, and withdrawn cases left with no items; returns the items deleted.
     */
    long purgeRetiredBefore(LocalDate before) {
        return jdbc.onConnection(c -> {
            String retired = "SELECT id FROM case_item WHERE status <> ? AND changed_on < ?";
            try (PreparedStatement s = c.prepareStatement("DELETE FROM withdrawn_hash WHERE item_id IN (" + retired + ")")) {
                bindRetired(s, before);
                s.executeUpdate();
            }
            long items;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM case_item WHERE status <> ? AND changed_on < ?")) {
                bindRetired(s, before);
                items = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM report_case WHERE status = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM case_item i WHERE i.case_id = report_case.id)")) {
                s.setString(1, CaseStatus.withdrawn.stored());
                s.executeUpdate();
            }
            return items;
        });
    }

    private static void bindRetired(PreparedStatement s, LocalDate before) throws SQLException {
        s.setString(1, CaseStatus.active.stored());
        s.setDate(2, Date.valueOf(before));
    }

    /** Every case and item ever made (withdrawn included), and the items active today. */
    public record Totals(long cases, long items, long activeItems) {
    }

    /** The totals for the public impact page. */
    public Totals totals() {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM report_case), "
                    + "(SELECT COUNT(*) FROM case_item), (SELECT COUNT(*) FROM case_item WHERE status = ?)")) {
                s.setString(1, CaseStatus.active.stored());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new Totals(r.getLong(1), r.getLong(2), r.getLong(3));
                }
            }
        });
    }

    /** Cases made on each day from {@code from} on (days with none left out). */
    public Map<LocalDate, Long> casesByDay(LocalDate from) {
        return byDay("SELECT created_on, COUNT(*) FROM report_case WHERE created_on >= ? GROUP BY created_on", from);
    }

    /** Items received on each day from {@code from} on (days with none left out). */
    public Map<LocalDate, Long> itemsByDay(LocalDate from) {
        return byDay("SELECT added_on, COUNT(*) FROM case_item WHERE added_on >= ? GROUP BY added_on", from);
    }

    private Map<LocalDate, Long> byDay(String sql, LocalDate from) {
        Map<LocalDate, Long> out = new TreeMap<>();
        for (Map.Entry<LocalDate, Long> day : jdbc.list(sql, s -> s.setDate(1, Date.valueOf(from)),
                r -> Map.entry(r.getDate(1).toLocalDate(), r.getLong(2)))) {
            out.put(day.getKey(), day.getValue());
        }
        return out;
    }

    /** The generated server secret, if one was stored. */
    Optional<String> serverSecret() {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT secret FROM server_secret WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        });
    }

    /** Stores the generated server secret (the one row's uniqueness refuses a second instance's). */
    void insertServerSecret(String secret) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO server_secret (id, secret) VALUES (1, ?)")) {
                s.setString(1, secret);
                return s.executeUpdate();
            }
        });
    }
}
