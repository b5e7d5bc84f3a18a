package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ExchangeHash;
import org.takeitdown.portal.cases.HashSeal;
import org.takeitdown.portal.cases.WithdrawnHash;
import org.takeitdown.portal.db.Dialect;
import org.takeitdown.portal.db.Jdbc;

/**
 * Feed and sync: every read of items in the platforms' shape or in seq order, and the sequencer's one write.
 * Plain JDBC (these are the fast paths); SQL failures come out as {@link PersistenceException}.
 * Inside a caller's transaction the reads use its connection.
 */
@ApplicationScoped
public class FeedStore {
    private static final String ITEM_COLUMNS = "id, seq, kind, md5, pdq, pdq_quality, status, added_on, changed_on, vpdq_frames";

    private final Jdbc jdbc;
    private final Dialect dialect;

    public FeedStore(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Gives every pending change (seq NULL) of items and canaries a new seq, in one local transaction under the
     * lock row every instance shares: so seq values become visible in commit order.
     */
    public void sequence() {
        jdbc.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM sync_lock WHERE id = 1 FOR UPDATE").close();
                for (String table : new String[] {"case_item", "canary"}) {
                    s.executeUpdate("UPDATE " + table + " SET seq = " + dialect.nextValue("item_change_seq")
                            + " WHERE seq IS NULL");
                }
            }
            return null;
        });
    }

    private static ItemRow item(ResultSet r) throws SQLException {
        return new ItemRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                r.getObject(6, Integer.class), CaseStatus.ofStored(r.getString(7)), r.getDate(8).toLocalDate(),
                r.getDate(9).toLocalDate(), r.getObject(10, Integer.class));
    }

    private static CanaryRecord canary(ResultSet r) throws SQLException {
        return new CanaryRecord(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getInt(5),
                r.getObject(6, Long.class), r.getDate(7).toLocalDate());
    }

    /** Items whose latest change has a seq above {@code after}, in seq order; {@code limit} of them. */
    public List<ItemRow> itemsChangedAfter(long after, int limit) {
        return jdbc.list("SELECT " + ITEM_COLUMNS + " FROM case_item WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                s -> {
                    s.setLong(1, after);
                    s.setInt(2, limit);
                }, FeedStore::item);
    }

    private static final String CANARY_COLUMNS = "id, platform_id, md5, pdq, pdq_quality, seq, added_on";

    /** The platform's sequenced canaries with a seq above {@code after}, in seq order (a platform has a few). */
    public List<CanaryRecord> canariesChangedAfter(long platformId, long after) {
        return jdbc.list("SELECT " + CANARY_COLUMNS + " FROM canary WHERE platform_id = ? AND seq > ? ORDER BY seq", s -> {
            s.setLong(1, platformId);
            s.setLong(2, after);
        }, FeedStore::canary);
    }

    /**
     * The seq to follow the feed from after an export: read before the items, so every change not
     * in the export is sequenced above it (the sequencer only hands out larger values).
     */
    public long consistentSeq() {
        return jdbc.onConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM case_item), 0), "
                         + "COALESCE((SELECT MAX(seq) FROM canary), 0))")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Receives exported items one at a time. */
    public interface ItemSink {
        void accept(PlatformApi.FeedItem item) throws java.io.IOException;
    }

    /**
     * Streams every active item sequenced at or below {@code through}, with the platform's canaries mixed in
     * by seq, to {@code sink} in seq order, reading the items in pages of the driver's fetch size.
     */
    public void export(long platformId, long through, ItemSink sink) throws java.io.IOException {
        Deque<CanaryRecord> canaries = new ArrayDeque<>(jdbc.list("SELECT " + CANARY_COLUMNS
                + " FROM canary WHERE platform_id = ? AND seq <= ? ORDER BY seq", s -> {
                    s.setLong(1, platformId);
                    s.setLong(2, through);
                }, FeedStore::canary));
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT " + ITEM_COLUMNS
                        + " FROM case_item WHERE status = ? AND seq <= ? ORDER BY seq")) {
                    q.setString(1, CaseStatus.active.stored());
                    q.setLong(2, through);
                    q.setFetchSize(5000);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            ItemRow i = item(r);
                            while (!canaries.isEmpty() && canaries.peek().seq() < i.seq()) {
                                sink.accept(canaries.pop().toFeedItem());
                            }
                            sink.accept(i.toFeedItem());
                        }
                    }
                    while (!canaries.isEmpty()) {
                        sink.accept(canaries.pop().toFeedItem());
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Receives the index's items: an image's PDQ, or a video's frames in Meta's text form. */
    public interface IndexSink {
        void image(long id, String pdq);

        void video(long id, String frames);
    }

    /**
     * The index's first load: every active item sequenced so far with a PDQ of at least {@code minQuality}, and
     * every active video's frames; returns the seq read through.
     */
    public long loadIndex(int minQuality, IndexSink sink) {
        return jdbc.inTransaction(c -> {
            long last;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(seq) FROM case_item")) {
                r.next();
                last = r.getLong(1);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT id, pdq FROM case_item WHERE status = ? "
                    + "AND pdq IS NOT NULL AND pdq_quality >= ? AND seq <= ?")) {
                q.setString(1, CaseStatus.active.stored());
                q.setInt(2, minQuality);
                q.setLong(3, last);
                q.setFetchSize(10_000);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        sink.image(r.getLong(1), r.getString(2));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT i.id, v.frames FROM case_item i "
                    + "JOIN item_vpdq v ON v.item_id = i.id WHERE i.status = ? AND i.seq <= ?")) {
                q.setString(1, CaseStatus.active.stored());
                q.setLong(2, last);
                q.setFetchSize(100);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        sink.video(r.getLong(1), r.getString(2));
                    }
                }
            }
            return last;
        });
    }

    /** An item's change for the index: its PDQ and quality, and its frames when it is an active video. */
    public record IndexChange(long id, long seq, boolean active, String pdq, Integer pdqQuality, String frames) {
    }

    /** Receives catch-up changes in seq order. */
    public interface ChangeSink {
        void accept(IndexChange change);
    }

    /**
     * Up to {@code limit} item changes above {@code after} in seq order, each with its frames (one query);
     * returns how many were read.
     */
    public int changesAfter(long after, int limit, ChangeSink sink) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT i.id, i.seq, i.status, i.pdq, i.pdq_quality, v.frames "
                    + "FROM case_item i LEFT JOIN item_vpdq v ON v.item_id = i.id "
                    + "WHERE i.seq > ? ORDER BY i.seq FETCH FIRST ? ROWS ONLY")) {
                q.setLong(1, after);
                q.setInt(2, limit);
                q.setFetchSize(500);
                int n = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        boolean active = CaseStatus.ofStored(r.getString(3)) == CaseStatus.active;
                        sink.accept(new IndexChange(r.getLong(1), r.getLong(2), active, r.getString(4),
                                r.getObject(5, Integer.class), active ? r.getString(6) : null));
                        n++;
                    }
                }
                return n;
            }
        });
    }

    /**
     * One hash column's per-hash read: for each value of the array, the ids of the first active items carrying it.
     * Each ARRAY is a range scan of that column's index (column, status, id) that stops after {@code FETCH FIRST}
     * rows however many items share the value: ordering by the index's own columns is what lets H2 read the index in
     * order instead of sorting every carrier, and the dialect's condition and {@link Jdbc#listStopping} are what
     * keep PostgreSQL from other plans whatever its statistics say ({@link Dialect#equalsForOrderedRead},
     * {@link Dialect#stoppingScans}). The array parameter is cast because H2 loses the values of an untyped array
     * under UNION ALL.
     */
    private String firstActive(String column) {
        return "SELECT h.v, ARRAY(SELECT id FROM case_item WHERE " + dialect.equalsForOrderedRead(column, "h.v")
                + " AND status = ? ORDER BY " + column + ", status, id FETCH FIRST ? ROWS ONLY) "
                + "FROM UNNEST(CAST(? AS VARCHAR ARRAY)) h(v)";
    }

    /**
     * The ids of the active items, of any kind and PDQ quality, carrying each of these PDQs and MD5s: for each hash
     * its {@code perHash} lowest ids in order (a hash no active item carries maps to an empty list). One statement
     * of at most two parts, reading at most {@code perHash} rows a hash whatever the list holds; its arrays hold the
     * hashes, never item ids.
     */
    public Map<String, List<Long>> firstActiveCarriers(Collection<String> pdqs, Collection<String> md5s, int perHash) {
        Map<String, Collection<String>> byColumn = new LinkedHashMap<>();
        byColumn.put("pdq", pdqs);
        byColumn.put("md5", md5s);
        return firstActive(byColumn, perHash);
    }

    /**
     * The ids of the active items whose exchange hash ({@link ExchangeHash}: an image's PDQ of matching quality, a
     * video's MD5) is each of these values: for each its {@code perHash} lowest ids in order (a value no active item
     * carries maps to an empty list). One range scan of the exchange-hash index a value, stopping after
     * {@code perHash} rows however many items share the PDQ or MD5 as another kind or at a lower quality.
     */
    public Map<String, List<Long>> firstActiveExchangeCarriers(Collection<String> values, int perHash) {
        return firstActive(Map.of("exchange_hash", values), perHash);
    }

    /** {@link #firstActive(String)} for each column with a non-empty list, in one statement (none: no statement). */
    private Map<String, List<Long>> firstActive(Map<String, Collection<String>> byColumn, int perHash) {
        Map<String, List<Long>> out = new HashMap<>();
        List<Collection<String>> lists = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        byColumn.forEach((column, hashes) -> {
            if (!hashes.isEmpty()) {
                parts.add(firstActive(column));
                lists.add(hashes);
            }
        });
        if (parts.isEmpty()) {
            return out;
        }
        jdbc.listStopping(String.join(" UNION ALL ", parts), s -> {
            int n = 1;
            for (Collection<String> hashes : lists) {
                s.setString(n++, CaseStatus.active.stored());
                s.setInt(n++, perHash);
                s.setArray(n++, s.getConnection().createArrayOf("VARCHAR", hashes.toArray()));
            }
        }, r -> out.put(r.getString(1), ids(r.getArray(2))));
        return out;
    }

    private static List<Long> ids(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** A retired item's sealed exchange hash (see {@link WithdrawnHash}). */
    public record Withdrawn(long itemId, Long firstSeq, String receivers, String sealed) {
        /** Whether the platform's exchange client was given the item while it was active. */
        public boolean receivedBy(long platformId) {
            return receivers.contains("," + platformId + ",");
        }
    }

    /** The sealed exchange hashes kept for these retired items, by item id. */
    public Map<Long, Withdrawn> withdrawnHashes(Collection<Long> itemIds) {
        Map<Long, Withdrawn> out = new HashMap<>();
        if (!itemIds.isEmpty()) {
            jdbc.list("SELECT item_id, first_seq, receivers, sealed FROM withdrawn_hash WHERE item_id IN ("
                    + marks(itemIds.size()) + ")", s -> {
                        int n = 1;
                        for (long id : itemIds) {
                            s.setLong(n++, id);
                        }
                    }, r -> out.put(r.getLong(1), new Withdrawn(r.getLong(1), r.getObject(2, Long.class),
                            r.getString(3), r.getString(4))));
        }
        return out;
    }

    /** An item's status; empty when there is no such item. */
    public Optional<CaseStatus> itemStatus(long id) {
        return jdbc.list("SELECT status FROM case_item WHERE id = ?", s -> s.setLong(1, id),
                r -> CaseStatus.ofStored(r.getString(1))).stream().findFirst();
    }

    /** An active item's vPDQ frames; empty when the item is unknown, not active or has none. */
    public Optional<List<VpdqFrame>> activeFrames(long id) {
        List<String> text = jdbc.list("SELECT v.frames FROM case_item i JOIN item_vpdq v ON v.item_id = i.id "
                + "WHERE i.id = ? AND i.status = ?", s -> {
                    s.setLong(1, id);
                    s.setString(2, CaseStatus.active.stored());
                }, r -> r.getString(1));
        return text.stream().findFirst().map(VpdqText::parse);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
