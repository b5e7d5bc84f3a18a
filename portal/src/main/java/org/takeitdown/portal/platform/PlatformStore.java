package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ExchangeReceivers;
import org.takeitdown.portal.cases.MatchReportCounter;
import org.takeitdown.portal.db.Dialect;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.db.Sequences;

/**
 * The tables {@code platform}, {@code match_feedback}, {@code canary} and {@code canary_slot}: every read and write
 * of them; and the count {@code case_item.not_blocked_platforms} these reports make, kept and read here only.
 * Callers own the transaction; ids come from {@link Sequences} ({@code platform_seq}, {@code match_feedback_seq},
 * and for canaries the items' {@code case_item_seq}), except that feedback rows made in bulk take
 * {@code match_feedback_seq} inside their one {@code INSERT … SELECT} ({@link Dialect#nextValue}). Answers are
 * records, never managed entities.
 */
@ApplicationScoped
public class PlatformStore implements MatchReportCounter, ExchangeReceivers {
    /**
     * Item ids one statement of {@link #upsertFeedback(long, Collection, Outcome, LocalDate)} passes in its array:
     * a fixed size well under H2's cap of 65,536 array elements, so the statements' size never follows the input.
     */
    public static final int IDS_PER_STATEMENT = 10_000;

    private final Jdbc jdbc;
    private final Sequences sequences;
    private final Dialect dialect;

    public PlatformStore(Jdbc jdbc, Sequences sequences, Dialect dialect) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.dialect = dialect;
    }

    private static PlatformRecord record(Platform p) {
        return new PlatformRecord(p.id, p.name, p.scope, p.createdOn, p.revoked, p.listed, p.scans);
    }

    private static CanaryRecord record(Canary c) {
        return new CanaryRecord(c.id, c.platformId, c.md5, c.pdq, c.pdqQuality, c.seq, c.addedOn);
    }

    private long nextId(String sequence) {
        return jdbc.onConnection(c -> sequences.next(c, sequence));
    }

    /** Inserts an active platform, at once (its canary slots reference it). */
    public PlatformRecord create(String name, String scope, String keyHmac, LocalDate today) {
        Platform p = new Platform();
        p.id = nextId("platform_seq");
        p.name = name;
        p.scope = scope;
        p.keyHmac = keyHmac;
        p.createdOn = today;
        p.revoked = false;
        p.persistAndFlush();
        return record(p);
    }

    public Optional<PlatformRecord> find(long id) {
        return Platform.<Platform>findByIdOptional(id).map(PlatformStore::record);
    }

    /** The platform holding this key HMAC, unless it is revoked. */
    public Optional<PlatformRecord> findActiveByKeyHmac(String keyHmac) {
        return Platform.<Platform>find("keyHmac = ?1 and revoked = false", keyHmac).firstResultOptional()
                .map(PlatformStore::record);
    }

    public List<PlatformRecord> listInOrder() {
        return Platform.<Platform>list("order by id").stream().map(PlatformStore::record).toList();
    }

    /** Active platforms that chose to be listed publicly, by name. */
    public List<PlatformRecord> listedPublicly() {
        return Platform.<Platform>list("listed = true and revoked = false order by name").stream()
                .map(PlatformStore::record).toList();
    }

    public long countActive() {
        return Platform.count("revoked", false);
    }

    /** Sets the key HMAC; false when there is no such platform. */
    public boolean setKeyHmac(long id, String keyHmac) {
        return Platform.update("keyHmac = ?1 where id = ?2", keyHmac, id) > 0;
    }

    /** Revokes the platform's key for good; false when there is no such platform. */
    public boolean revoke(long id) {
        return Platform.update("revoked = true where id = ?1", id) > 0;
    }

    /** Sets whether the platform is listed publicly and what it scans; false when there is no such platform. */
    public boolean setListing(long id, boolean listed, String scans) {
        return Platform.update("listed = ?1, scans = ?2 where id = ?3", listed, scans, id) > 0;
    }

    /**
     * Locks the platform's row until the transaction ends: exchange pages and canary making of one platform
     * run one at a time, and a withdrawal reads exchange marks under the same lock.
     */
    public void lock(long id) {
        Platform.getEntityManager().createNativeQuery("SELECT exchange_mark FROM platform WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
    }

    /** Moves the platform's exchange mark up to {@code seq} (never down). */
    public void markExchanged(long id, long seq) {
        Platform.getEntityManager().createNativeQuery(
                        "UPDATE platform SET exchange_mark = ?1 WHERE id = ?2 AND exchange_mark < ?1")
                .setParameter(1, seq).setParameter(2, id).executeUpdate();
    }

    /**
     * Records the platform's outcome on each of these items that is active (a later report replaces an earlier one):
     * per outcome an update of the reports it has and an insert of the ones it lacks, two statements for every
     * {@link #IDS_PER_STATEMENT} items; then {@link #recountNotBlocked} of them all. An item named under two
     * outcomes gets either. A report inserted meanwhile by another transaction fails the insert with a unique
     * violation.
     */
    public void upsertFeedback(long platformId, Map<Outcome, ? extends Collection<Long>> byOutcome, LocalDate today) {
        Set<Long> all = new TreeSet<>();
        byOutcome.forEach((outcome, itemIds) -> {
            List<Long> ids = List.copyOf(itemIds);
            all.addAll(ids);
            for (List<Long> part : parts(ids)) {
                upsertFeedbackPart(platformId, part, outcome, today);
            }
        });
        recountNotBlocked(List.copyOf(all));
    }

    private static List<List<Long>> parts(List<Long> ids) {
        List<List<Long>> parts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            parts.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
        }
        return parts;
    }

    private void upsertFeedbackPart(long platformId, List<Long> itemIds, Outcome outcome, LocalDate today) {
        jdbc.onConnection(c -> {
            java.sql.Array ids = c.createArrayOf("BIGINT", itemIds.toArray());
            try (PreparedStatement s = c.prepareStatement("UPDATE match_feedback SET outcome = ?, updated_on = ? "
                    + "WHERE platform_id = ? AND item_id IN (SELECT id FROM case_item WHERE id = ANY(?) AND status = ?)")) {
                s.setString(1, outcome.stored());
                s.setObject(2, today);
                s.setLong(3, platformId);
                s.setArray(4, ids);
                s.setString(5, CaseStatus.active.stored());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO match_feedback "
                    + "(id, item_id, platform_id, outcome, updated_on) SELECT " + dialect.nextValue("match_feedback_seq")
                    + ", i.id, ?, ?, ? FROM case_item i WHERE i.id = ANY(?) AND i.status = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM match_feedback f WHERE f.item_id = i.id AND f.platform_id = ?)")) {
                s.setLong(1, platformId);
                s.setString(2, outcome.stored());
                s.setObject(3, today);
                s.setArray(4, ids);
                s.setString(5, CaseStatus.active.stored());
                s.setLong(6, platformId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Sets {@code case_item.not_blocked_platforms} of these active items (ids in ascending order) to the number of
     * their reports that say not blocked, two statements for every {@link #IDS_PER_STATEMENT} items, each reading
     * at most one report per platform of each item. The items are first locked, lowest id first, and counted by a
     * later statement: a transaction writing reports on the same items waits until this one ends, and then counts
     * what it committed (counted in the same statement as the lock, PostgreSQL would count from the snapshot taken
     * before the wait); locking in one order keeps two such transactions from waiting on each other. Only counts
     * that change are written.
     */
    void recountNotBlocked(List<Long> sortedItemIds) {
        for (List<Long> part : parts(sortedItemIds)) {
            jdbc.onConnection(c -> {
                java.sql.Array ids = c.createArrayOf("BIGINT", part.toArray());
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM case_item WHERE id = ANY(?) AND status = ? "
                        + "ORDER BY id " + dialect.forNoKeyUpdate())) {
                    s.setArray(1, ids);
                    s.setString(2, CaseStatus.active.stored());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            r.getLong(1);
                        }
                    }
                }
                String count = "(SELECT COUNT(*) FROM match_feedback f WHERE f.item_id = case_item.id AND f.outcome = ?)";
                try (PreparedStatement s = c.prepareStatement("UPDATE case_item SET not_blocked_platforms = " + count
                        + " WHERE id = ANY(?) AND status = ? AND not_blocked_platforms <> " + count)) {
                    s.setString(1, Outcome.not_blocked.stored());
                    s.setArray(2, ids);
                    s.setString(3, CaseStatus.active.stored());
                    s.setString(4, Outcome.not_blocked.stored());
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    @Override
    public CaseApi.MatchReports countForCase(long caseId) {
        return jdbc.onConnection(c -> countForCase(c, caseId));
    }

    private static CaseApi.MatchReports countForCase(Connection c, long caseId) throws SQLException {
        long pending = 0;
        long blocked = 0;
        long notBlocked = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT f.outcome, COUNT(*) FROM match_feedback f "
                + "JOIN case_item i ON i.id = f.item_id WHERE i.case_id = ? GROUP BY f.outcome")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long n = r.getLong(2);
                    switch (Outcome.ofStored(r.getString(1))) {
                        case pending_review -> pending = n;
                        case blocked -> blocked = n;
                        case not_blocked -> notBlocked = n;
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }
        return new CaseApi.MatchReports(pending, blocked, notBlocked);
    }

    /** Reports of "blocked" kept, over every platform and item. */
    public long countBlocked() {
        return MatchFeedback.count("outcome", Outcome.blocked);
    }

    /** Deletes the reports on retired items last changed before {@code before}. */
    public void deleteFeedbackOnItemsRetiredBefore(LocalDate before) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM match_feedback WHERE item_id IN "
                    + "(SELECT id FROM case_item WHERE status <> ? AND changed_on < ?)")) {
                s.setString(1, CaseStatus.active.stored());
                s.setObject(2, before);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public String lockAndList(Long firstSeq) {
        return jdbc.onConnection(c -> {
            StringBuilder out = new StringBuilder(",");
            try (PreparedStatement s = c.prepareStatement("SELECT id, exchange_mark FROM platform ORDER BY id FOR UPDATE");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (firstSeq != null && r.getLong(2) >= firstSeq) {
                        out.append(r.getLong(1)).append(',');
                    }
                }
            }
            return out.toString();
        });
    }

    /** The first flagged items, in the order {@link #flaggedItems} gives, and how many there are, up to a cap. */
    public record FlaggedItems(List<Long> first, long total, boolean atLeast) {
    }

    /**
     * The first active items that at least a number of platforms reported as not blocked, those reported by the
     * most platforms first, then the oldest (lowest id): a range scan of the index {@code case_item_flagged} that
     * stops after the items it keeps, whatever else is stored. Ordering by all the index's columns, the fixed status
     * too, is what lets H2 read the index in order instead of sorting every flagged item (PostgreSQL does either way).
     */
    static final String FLAGGED = "SELECT id FROM case_item WHERE status = ? AND not_blocked_platforms >= ? "
            + "ORDER BY status, not_blocked_platforms DESC, id FETCH FIRST ? ROWS ONLY";

    /**
     * Active items that at least {@code platforms} distinct platforms reported as not blocked (their
     * {@code not_blocked_platforms}, kept by {@link #recountNotBlocked}): the first {@code limit} of them, in the
     * order {@link #FLAGGED} gives; and how many there are, counted by a second statement only when {@code limit}
     * were found (there may be more) and then only up to {@code countUpTo} ({@code atLeast} when it got there).
     */
    public FlaggedItems flaggedItems(int platforms, int limit, int countUpTo) {
        List<Long> first = flagged(platforms, limit);
        if (first.size() < limit) {
            return new FlaggedItems(first, first.size(), false);
        }
        long total = Math.max(first.size(), flagged(platforms, countUpTo).size());
        return new FlaggedItems(first, total, total >= countUpTo);
    }

    private List<Long> flagged(int platforms, int limit) {
        return jdbc.list(FLAGGED, s -> {
            s.setString(1, CaseStatus.active.stored());
            s.setInt(2, platforms);
            s.setInt(3, limit);
        }, r -> r.getLong(1));
    }

    /** A canary to insert: its hashes and day. */
    public record NewCanary(String md5, String pdq, int pdqQuality, LocalDate addedOn) {
    }

    /** Inserts the platform's new canaries, unsequenced, with ids from the items' sequence. */
    public void insertCanaries(long platformId, List<NewCanary> canaries) {
        long[] ids = jdbc.onConnection(c -> sequences.next(c, "case_item_seq", canaries.size()));
        for (int i = 0; i < canaries.size(); i++) {
            NewCanary n = canaries.get(i);
            Canary c = new Canary();
            c.id = ids[i];
            c.platformId = platformId;
            c.md5 = n.md5();
            c.pdq = n.pdq();
            c.pdqQuality = (short) n.pdqQuality();
            c.addedOn = n.addedOn();
            c.persist();
        }
    }

    /** A canary to make for a platform at {@code dueAt} (milliseconds since the epoch). */
    public record CanarySlot(long platformId, int slot, long dueAt) {
    }

    /** Stores the platform's canary slots. */
    public void insertCanarySlots(List<CanarySlot> slots) {
        jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO canary_slot (platform_id, slot, due_at) VALUES (?, ?, ?)")) {
                for (CanarySlot slot : slots) {
                    s.setLong(1, slot.platformId());
                    s.setInt(2, slot.slot());
                    s.setLong(3, slot.dueAt());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** The first {@code limit} slots due at or before {@code now} (milliseconds), the oldest first. */
    public List<CanarySlot> dueCanarySlots(long now, int limit) {
        return jdbc.list("SELECT platform_id, slot, due_at FROM canary_slot WHERE due_at <= ? ORDER BY due_at "
                + "FETCH FIRST ? ROWS ONLY", s -> {
                    s.setLong(1, now);
                    s.setInt(2, limit);
                }, r -> new CanarySlot(r.getLong(1), r.getInt(2), r.getLong(3)));
    }

    /** The platform's slots not made yet, in slot order. */
    public List<CanarySlot> canarySlotsOf(long platformId) {
        return jdbc.list("SELECT platform_id, slot, due_at FROM canary_slot WHERE platform_id = ? ORDER BY slot",
                s -> s.setLong(1, platformId), r -> new CanarySlot(r.getLong(1), r.getInt(2), r.getLong(3)));
    }

    /** Deletes a slot; false when it is gone already (made by another transaction). */
    public boolean deleteCanarySlot(long platformId, int slot) {
        return jdbc.onConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM canary_slot WHERE platform_id = ? AND slot = ?")) {
                s.setLong(1, platformId);
                s.setInt(2, slot);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The highest seq of any canary, 0 when none is sequenced. */
    public long maxCanarySeq() {
        return jdbc.list("SELECT COALESCE(MAX(seq), 0) FROM canary", s -> { }, r -> r.getLong(1)).get(0);
    }

    public List<CanaryRecord> canariesOf(long platformId) {
        return Canary.<Canary>list("platformId = ?1 order by id", platformId).stream().map(PlatformStore::record).toList();
    }

    /** The PDQs of every platform's canaries. */
    public List<String> allCanaryPdqs() {
        return Canary.<Canary>listAll().stream().map(c -> c.pdq).toList();
    }

    /** Canaries, of any platform, with one of these PDQs or MD5s. */
    public List<CanaryRecord> canariesWithHashes(Collection<String> hashes) {
        return hashes.isEmpty() ? List.of()
                : Canary.<Canary>list("pdq in ?1 or md5 in ?1", hashes).stream().map(PlatformStore::record).toList();
    }
}
