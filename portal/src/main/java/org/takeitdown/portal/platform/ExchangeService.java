package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.takeitdown.hasher.hex.Hex;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ExchangeHash;
import org.takeitdown.portal.cases.HashSeal;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.web.ApiProblemException;

/**
 * The StopNCII-compatible exchange over the feed: FetchHashes pages by seq ({@link ExchangeCursor}) and
 * SubmitFeedback records outcomes by hash. One record per changed item with an exchange hash
 * ({@link ExchangeHash}); others move the cursor and send nothing. A hash is Active while any active item
 * carries it. A retired item's Withdrawn (withdrawn by the teen) or Deleted (removed by the operator) record
 * goes only to platforms whose client was given the item while it was active (see {@link org.takeitdown.portal.cases.WithdrawnHash}), in
 * runs that start past it. Each page moves the platform's exchange mark under its row lock, to the last change it
 * scanned and never past the last one numbered.
 */
@ApplicationScoped
public class ExchangeService {
    public static final int DEFAULT_PAGE = 800;
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_FEEDBACKS = 1000;
    /**
     * Items a FetchHashes record names in caseNumbers: the record's own item and the lowest ids of the other active
     * items with its hash. However many items share a hash, a record stays small (a page of {@link #MAX_PAGE} at most
     * a few MB); hashStatus still says whether any active item carries it.
     */
    public static final int MAX_CASE_NUMBERS = 10;
    /**
     * Items one SubmitFeedback entry reaches: the active items carrying its hash with the lowest ids, the same ones
     * (and as many) as a match answer lists for the hash ({@link MatchService#MAX_MATCHES}). However many anonymous
     * items share a hash, a request reads and writes at most this many per hash.
     */
    public static final int MAX_CARRIERS = MatchService.MAX_MATCHES;
    /** Runs of a SubmitFeedback the database aborted (see {@link FeedbackService#runAgain}): the first, and two more. */
    private static final int ATTEMPTS = 3;
    static final String ACTIVE = "Active";
    static final String WITHDRAWN = "Withdrawn";
    static final String DELETED = "Deleted";
    /** StopNCII feedback values the client may send; only three have an outcome here, the rest are accepted and ignored. */
    private static final Map<String, Outcome> FEEDBACK_VALUES = feedbackValues();

    private final HashSeal seal;
    private final FeedbackService feedback;
    private final CanaryService canaries;
    private final FeedStore feed;
    private final PlatformStore platforms;

    public ExchangeService(HashSeal seal, FeedbackService feedback, CanaryService canaries, FeedStore feed,
                           PlatformStore platforms) {
        this.feed = feed;
        this.platforms = platforms;
        this.seal = seal;
        this.feedback = feedback;
        this.canaries = canaries;
    }

    private static Map<String, Outcome> feedbackValues() {
        Map<String, Outcome> m = new HashMap<>();
        m.put("Blocked", Outcome.blocked);
        m.put("NotBlocked", Outcome.not_blocked);
        m.put("PendingReview", Outcome.pending_review);
        for (String ignored : List.of("Unknown", "None", "QualityUnknown", "Withdrawn", "Deleted")) {
            m.put(ignored, null);
        }
        return m;
    }

    /** A scanned change: an item or one of the caller's canaries. */
    private record Change(long seq, ItemRow item, CanaryRecord canary) {
    }

    public ExchangeApi.FetchHashesResponse fetch(PlatformRecord platform, String startText, String sizeText, String token) {
        long start = FeedService.parse("startTimestamp", startText, ExchangeCursor.OFFSET, 0, ExchangeCursor.MAX_TIMESTAMP);
        int size = (int) FeedService.parse("pageSize", sizeText, DEFAULT_PAGE, 1, MAX_PAGE);
        long runAfter = ExchangeCursor.after(start);
        long cursor = token == null || token.isEmpty() ? runAfter : ExchangeCursor.parse(token, runAfter);
        return QuarkusTransaction.requiringNew().call(() -> {
            platforms.lock(platform.id());
            List<Change> rows = changedAfter(platform.id(), cursor, size + 1);
            boolean more = rows.size() > size;
            List<Change> scanned = more ? rows.subList(0, size) : rows;
            // An empty page moves the mark no further than the feed goes: a cursor the client chose past it (a far
            // startTimestamp, a made-up token) must not count it as a receiver of items numbered later.
            long last = scanned.isEmpty() ? Math.min(cursor, feed.consistentSeq()) : scanned.get(scanned.size() - 1).seq();
            List<ExchangeApi.HashRecord> records = records(platform.id(), runAfter, scanned);
            platforms.markExchanged(platform.id(), last);
            long next = Math.max(start, ExchangeCursor.timestamp(last));
            return new ExchangeApi.FetchHashesResponse(records.size(), next, more,
                    more ? ExchangeCursor.token(last) : null, records);
        });
    }

    private List<Change> changedAfter(long platformId, long after, int limit) {
        List<Change> out = new ArrayList<>();
        feed.itemsChangedAfter(after, limit).forEach(i -> out.add(new Change(i.seq(), i, null)));
        feed.canariesChangedAfter(platformId, after).forEach(c -> out.add(new Change(c.seq(), null, c)));
        out.sort(Comparator.comparingLong(Change::seq));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private List<ExchangeApi.HashRecord> records(long platformId, long runAfter, List<Change> scanned) {
        Map<Long, FeedStore.Withdrawn> kept = feed.withdrawnHashes(scanned.stream()
                .filter(c -> c.item() != null && c.item().status() != CaseStatus.active).map(c -> c.item().id()).toList());
        Map<String, ExchangeApi.HashRecord> out = new LinkedHashMap<>();
        List<Object[]> pending = new ArrayList<>();
        for (Change c : scanned) {
            if (c.canary() != null) {
                CanaryRecord k = c.canary();
                put(out, new ExchangeApi.HashRecord(epoch(k.addedOn()), ExchangeHash.IMAGE_PDQ, k.pdq(), ACTIVE,
                        Map.of(Long.toString(k.id()), ACTIVE), List.of()));
                continue;
            }
            ItemRow i = c.item();
            ExchangeHash h;
            if (i.status() == CaseStatus.active) {
                h = ExchangeHash.of(i.kind(), i.md5(), i.pdq(), i.pdqQuality());
            } else {
                FeedStore.Withdrawn w = kept.get(i.id());
                boolean received = w != null && w.firstSeq() != null && w.firstSeq() <= runAfter
                        && w.receivedBy(platformId);
                h = received ? seal.open(w.itemId(), w.sealed()) : null;
            }
            if (h != null) {
                pending.add(new Object[] {i, h});
                put(out, null, h);
            }
        }
        Map<String, List<Long>> carriers = activeCarriers(pending.stream().map(p -> (ExchangeHash) p[1]).toList());
        for (Object[] p : pending) {
            ItemRow i = (ItemRow) p[0];
            ExchangeHash h = (ExchangeHash) p[1];
            List<Long> active = carriers.getOrDefault(h.value(), List.of());
            Map<String, String> cases = new LinkedHashMap<>();
            active.stream().filter(a -> a != i.id()).limit(MAX_CASE_NUMBERS - 1)
                    .forEach(a -> cases.put(Long.toString(a), ACTIVE));
            String own = status(i.status());
            cases.put(Long.toString(i.id()), own);
            out.put(key(h), new ExchangeApi.HashRecord(epoch(i.changedOn()), h.signalType(), h.value(),
                    active.isEmpty() ? own : ACTIVE, cases, List.of()));
        }
        return List.copyOf(out.values());
    }

    /** Puts a record last (a later change of the same hash replaces an earlier one); null holds the place. */
    private static void put(Map<String, ExchangeApi.HashRecord> out, ExchangeApi.HashRecord r, ExchangeHash h) {
        String key = key(h);
        out.remove(key);
        out.put(key, r);
    }

    private static void put(Map<String, ExchangeApi.HashRecord> out, ExchangeApi.HashRecord r) {
        put(out, r, new ExchangeHash(r.signalType(), r.hashValue()));
    }

    private static String key(ExchangeHash h) {
        return h.signalType() + ":" + h.value();
    }

    private static String status(CaseStatus s) {
        return switch (s) {
            case active -> ACTIVE;
            case withdrawn -> WITHDRAWN;
            default -> DELETED;
        };
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /**
     * The ids of the active items carrying each of these exchange hashes, by value (a PDQ's 64 hex digits and an
     * MD5's 32 never meet): the {@link #MAX_CASE_NUMBERS} lowest of each, enough to name {@code MAX_CASE_NUMBERS - 1}
     * besides the record's own item.
     */
    private Map<String, List<Long>> activeCarriers(List<ExchangeHash> hashes) {
        Set<String> values = new HashSet<>();
        hashes.forEach(h -> values.add(h.value()));
        return feed.firstActiveExchangeCarriers(values, MAX_CASE_NUMBERS);
    }

    /** Records the platform's feedback by hash; checks the whole request first, so a bad one changes nothing. */
    public ExchangeApi.FeedbackAnswer submitFeedback(PlatformRecord platform, ExchangeApi.SubmitFeedback request) {
        if (request == null || request.hashFeedbacks() == null) {
            throw ApiProblemException.badRequest("Send {\"count\":n,\"hashFeedbacks\":[{\"hashValue\":...,"
                    + "\"feedbackValue\":\"Blocked\",\"tags\":[]}]}.");
        }
        List<ExchangeApi.HashFeedback> all = request.hashFeedbacks();
        if (all.size() > MAX_FEEDBACKS) {
            throw ApiProblemException.badRequest("At most " + MAX_FEEDBACKS + " hashFeedbacks per request; got " + all.size() + ".");
        }
        if (request.count() != null && request.count() != all.size()) {
            throw ApiProblemException.badRequest("count is " + request.count() + " but hashFeedbacks has " + all.size() + ".");
        }
        for (int n = 0; n < all.size(); n++) {
            ExchangeApi.HashFeedback f = all.get(n);
            String v = f == null ? null : f.hashValue();
            if (v == null || !(Hex.isHex(v, Hex.PDQ_DIGITS) || Hex.isHex(v, Hex.MD5_DIGITS))) {
                throw ApiProblemException.badRequest("hashFeedbacks[" + n + "].hashValue must be a PDQ (64 hex digits) "
                        + "or an MD5 (32 hex digits).");
            }
            if (!FEEDBACK_VALUES.containsKey(f.feedbackValue())) {
                throw ApiProblemException.badRequest("hashFeedbacks[" + n + "].feedbackValue must be one of "
                        + "Blocked, NotBlocked, PendingReview, None, QualityUnknown, Unknown, Withdrawn, Deleted.");
            }
        }
        return Jdbc.retrying(ATTEMPTS, FeedbackService::runAgain,
                () -> QuarkusTransaction.requiringNew().call(() -> recordAll(platform.id(), all)));
    }

    /**
     * Records a checked request in the caller's transaction: one lookup of the first {@link #MAX_CARRIERS} active
     * items carrying each of its hashes, then per outcome one update and one insert for every
     * {@link PlatformStore#IDS_PER_STATEMENT} items, and a lock and a recount for every
     * {@code IDS_PER_STATEMENT} of all the items ({@link PlatformStore#upsertFeedback}): a request reaches at most
     * {@link #MAX_FEEDBACKS} × {@link #MAX_CARRIERS} = 100,000 items, split among three outcomes, so at most
     * 1 + 2 × 12 + 2 × 10 = 45 statements (two more on PostgreSQL around the lookup,
     * {@link org.takeitdown.portal.db.Dialect#stoppingScans}).
     * An item gets the outcome of the last entry naming one of the hashes that reached it, as if the entries were
     * recorded one after another.
     */
    private ExchangeApi.FeedbackAnswer recordAll(long platformId, List<ExchangeApi.HashFeedback> all) {
        List<String> hashes = all.stream().map(f -> f.hashValue().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> lastOutcome = new HashMap<>();
        Set<String> pdqs = new HashSet<>();
        Set<String> md5s = new HashSet<>();
        for (int n = 0; n < all.size(); n++) {
            String hash = hashes.get(n);
            (hash.length() == Hex.PDQ_DIGITS ? pdqs : md5s).add(hash);
            if (FEEDBACK_VALUES.get(all.get(n).feedbackValue()) != null) {
                lastOutcome.put(hash, n);
            }
        }
        Set<String> carried = new HashSet<>();
        Map<Long, Integer> lastEntry = new HashMap<>();
        feed.firstActiveCarriers(pdqs, md5s, MAX_CARRIERS).forEach((hash, ids) -> {
            if (!ids.isEmpty()) {
                carried.add(hash);
            }
            int last = lastOutcome.getOrDefault(hash, -1);
            if (last >= 0) {
                ids.forEach(id -> lastEntry.merge(id, last, Math::max));
            }
        });
        Map<Outcome, List<Long>> byOutcome = new EnumMap<>(Outcome.class);
        lastEntry.forEach((id, last) -> byOutcome.computeIfAbsent(FEEDBACK_VALUES.get(all.get(last).feedbackValue()),
                k -> new ArrayList<>()).add(id));
        feedback.recordOnActive(platformId, byOutcome);
        pdqs.stream().filter(h -> canaries.ownByPdq(platformId, h).isPresent()).forEach(carried::add);
        md5s.stream().filter(h -> !canaries.matchMd5(platformId, h).isEmpty()).forEach(carried::add);
        List<ExchangeApi.FeedbackResult> results = new ArrayList<>();
        int recorded = 0;
        for (int n = 0; n < all.size(); n++) {
            String hash = hashes.get(n);
            String result = !carried.contains(hash) ? "unknown"
                    : FEEDBACK_VALUES.get(all.get(n).feedbackValue()) == null ? "ignored" : "recorded";
            recorded += result.equals("recorded") ? 1 : 0;
            results.add(new ExchangeApi.FeedbackResult(hash, result));
        }
        return new ExchangeApi.FeedbackAnswer(all.size(), recorded, results);
    }
}
