package org.takeitdown.portal.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.limits.LimitsConfig;
import org.takeitdown.portal.web.ApiProblemException;
import org.takeitdown.portal.web.Counters;

/**
 * Creates cases, adds items, withdraws and reports status. Owns the transactions. Case keys are
 * checked by HMAC in constant time; a wrong key and an unknown number look the same (404).
 */
@ApplicationScoped
public class CaseService {
    static final String KEY_PURPOSE = "case-key";
    static final String IDEMPOTENCY_PURPOSE = "idempotency-key";
    /** Tries at a case whose random number is already taken (one chance in about 10^14 each). */
    private static final int NUMBER_ATTEMPTS = 5;
    /** Runs of a transaction the database aborted as a deadlock: the first, and two more. */
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final Secrets secrets;
    private final ObjectMapper json;
    private final Event<ItemsChanged> changed;
    private final MatchReportCounter reports;
    private final Counters counters;
    private final CaseStore store;
    private final int framesPerCase;
    private final HashSeal seal;
    private final ExchangeReceivers receivers;

    public CaseService(Secrets secrets, ObjectMapper json, Event<ItemsChanged> changed, MatchReportCounter reports,
                       Counters counters, CaseStore store, LimitsConfig limits, HashSeal seal,
                       ExchangeReceivers receivers) {
        this.seal = seal;
        this.receivers = receivers;
        this.framesPerCase = limits.framesPerCase();
        this.counters = counters;
        this.store = store;
        this.secrets = secrets;
        this.json = json;
        this.changed = changed;
        this.reports = reports;
    }

    /** The answer to a case creation, and whether it is an earlier one given again (nothing was created). */
    public record Creation(CaseApi.Created created, boolean replayed) {
    }

    /** Creates a case, or returns the earlier answer for the same Idempotency-Key and body. */
    public CaseApi.Created create(CaseApi.ItemsRequest request, String idempotencyKey) {
        return createOrReplay(request, idempotencyKey).created();
    }

    /** {@link #create}, saying whether the answer is a replay of an earlier one. */
    public Creation createOrReplay(CaseApi.ItemsRequest request, String idempotencyKey) {
        List<NewItem> items = ItemRules.normalize(request);
        checkFrames(0, items);
        Creation creation = createCommitted(items, idempotencyKey);
        if (!creation.replayed()) {
            changed.fire(new ItemsChanged());
        }
        return creation;
    }

    /**
     * The earlier answer for this Idempotency-Key and body, if it is still kept; creates nothing. Lets a
     * retry that a limit stops from creating a case still get the case its first try created.
     */
    public Optional<Creation> earlier(CaseApi.ItemsRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        String body = ItemRules.canonical(ItemRules.normalize(request));
        String keyHmac = keyHmac(idempotencyKey);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> earlierAnswer(idempotencyKey, keyHmac, body, now))
                .map(created -> new Creation(created, true));
    }

    private Creation createCommitted(List<NewItem> items, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Creation(createAlone(items), false);
        }
        String keyHmac = keyHmac(idempotencyKey);
        String body = ItemRules.canonical(items);
        try {
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, idempotencyKey, keyHmac, body));
        } catch (RuntimeException raced) {
            if (!Jdbc.isUniqueViolation(raced)) {
                throw raced;
            }
            // A concurrent request with the same key committed first: answer as it was answered.
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, idempotencyKey, keyHmac, body));
        }
    }

    /** The HMAC under which answers for a well-formed {@code idempotencyKey} are kept; 400 for a malformed one. */
    private String keyHmac(String idempotencyKey) {
        if (!AnswerSeal.wellFormed(idempotencyKey)) {
            throw ApiProblemException.badRequest("Idempotency-Key must be 22 to 200 base64url characters "
                    + "(A-Z a-z 0-9 - _) or a UUID: a random secret made by the client.");
        }
        return secrets.hmac(IDEMPOTENCY_PURPOSE, idempotencyKey);
    }

    /**
     * The earlier answer for this key, or a new case whose answer is stored sealed under keys derived
     * from the Idempotency-Key (which only the client holds) for at least 24 hours ({@link #answerExpiry}).
     */
    private Creation createOnce(List<NewItem> items, String idempotencyKey, String keyHmac, String body)
            throws GeneralSecurityException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Optional<CaseApi.Created> earlier = earlierAnswer(idempotencyKey, keyHmac, body, now);
        if (earlier.isPresent()) {
            return new Creation(earlier.get(), true);
        }
        // This key's answer, if expired, goes now, and a few other expired ones with it.
        store.deleteExpiredAnswers(keyHmac, now);
        CaseApi.Created created = createCase(items, true);
        // A concurrent request with the same key fails this insert (and the caller retries); on plain JDBC,
        // so no ORM logs the failed statement's values.
        String salt = AnswerSeal.newSalt();
        store.insertAnswer(keyHmac, new CaseStore.StoredAnswer(salt, AnswerSeal.bodyMac(idempotencyKey, salt, body),
                AnswerSeal.seal(idempotencyKey, salt, keyHmac, write(created))), answerExpiry(now));
        counters.caseCreated(items.size());
        return new Creation(created, false);
    }

    /**
     * When an answer stored at {@code now} expires: the start of the UTC day after tomorrow, so it lives 24 to 48
     * hours and the stored value is a date, never the time of day a case was made (exact expiries, ordered against
     * the case ids, which follow creation, would date every case to the microsecond).
     */
    static LocalDateTime answerExpiry(LocalDateTime now) {
        return now.toLocalDate().plusDays(2).atStartOfDay();
    }

    /** The live answer kept for this key, opened; 422 when the key came with another body. */
    private Optional<CaseApi.Created> earlierAnswer(String idempotencyKey, String keyHmac, String body,
                                                    LocalDateTime now) throws GeneralSecurityException {
        CaseStore.StoredAnswer earlier = store.liveAnswer(keyHmac, now).orElse(null);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!AnswerSeal.sameBody(earlier.bodyMac(), AnswerSeal.bodyMac(idempotencyKey, earlier.salt(), body))) {
            throw new ApiProblemException(422, "Unprocessable request",
                    "This Idempotency-Key was already used with a different body.");
        }
        return Optional.of(read(AnswerSeal.open(idempotencyKey, earlier.salt(), keyHmac, earlier.answer())));
    }

    /**
     * A case in a transaction of its own. A case number already taken (one chance in about 10^14 per
     * case) fails the insert; the whole case is then tried again.
     */
    private CaseApi.Created createAlone(List<NewItem> items) {
        CaseApi.Created created = Jdbc.retrying(NUMBER_ATTEMPTS, Jdbc::isUniqueViolation,
                () -> QuarkusTransaction.requiringNew().call(() -> createCase(items, false)));
        counters.caseCreated(items.size());
        return created;
    }

    /**
     * Inserts a case and its items. Inside a transaction that must go on after it ({@code checkNumber}),
     * a taken number is looked for first, since a failed insert would end that transaction.
     */
    private CaseApi.Created createCase(List<NewItem> items, boolean checkNumber) {
        String number;
        do {
            number = CaseNumbers.newNumber();
        } while (checkNumber && store.findCase(number).isPresent());
        String key = CaseNumbers.newKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long id = store.insertCase(number, secrets.hmac(KEY_PURPOSE, key), today);
        store.insertItems(id, items, today);
        return new CaseApi.Created(CaseNumbers.formatNumber(number), key, CaseStatus.active.name(), items.size());
    }

    /** The case's status, or 404 for an unknown number or a wrong key. */
    public CaseApi.View view(String number, String key) {
        return QuarkusTransaction.requiringNew().call(() -> toView(authorized(number, key)));
    }

    /**
     * Adds items to an active case (repeats of MD5s it already holds are ignored, and counted in the answer as
     * already in the case).
     */
    public CaseApi.Addition addItems(String number, String key, CaseApi.ItemsRequest request) {
        List<NewItem> items = ItemRules.normalize(request);
        CaseApi.Addition addition = QuarkusTransaction.requiringNew().call(() -> {
            CaseStore.CaseRow row = authorized(number, key);
            if (store.lock(row.id()) != CaseStatus.active) {
                throw ApiProblemException.conflict("This case was withdrawn; start a new case to submit more.");
            }
            Set<String> have = store.md5s(row.id());
            List<NewItem> fresh = items.stream().filter(i -> !have.contains(i.md5())).toList();
            if (have.size() + fresh.size() > ItemRules.MAX_PER_CASE) {
                throw ApiProblemException.conflict("A case holds at most " + ItemRules.MAX_PER_CASE
                        + " items; this one holds " + have.size() + ". Start a new case for more.");
            }
            checkFrames(store.countFrames(row.id()), fresh);
            store.insertItems(row.id(), fresh, LocalDate.now(ZoneOffset.UTC));
            counters.itemsAdded(fresh.size());
            return CaseApi.Addition.of(toView(row), fresh.size(), items.size() - fresh.size());
        });
        changed.fire(new ItemsChanged());
        return addition;
    }

    /**
     * 409 when {@code items} would take a case holding {@code stored} vPDQ frames over its cap: the cap
     * is permanent for that case, so no Retry-After; a new case has room.
     */
    private void checkFrames(long stored, List<NewItem> items) {
        long adding = items.stream().mapToLong(i -> i.vpdq() == null ? 0 : i.vpdq().size()).sum();
        if (stored + adding > framesPerCase) {
            throw ApiProblemException.conflict("A case holds at most " + framesPerCase + " video frames (one a second "
                    + "of video); this one holds " + stored + " and these files have " + adding
                    + ". Start a new case for more.");
        }
    }

    /**
     * Withdraws the case and all its items; 409 when already withdrawn. A transaction the database aborted
     * as a deadlock with the sequencer (see {@link Jdbc#isRetryable}) changed nothing and is run again:
     * a withdrawal updates its items while the sequencer numbers pending rows in its own order.
     */
    public void withdraw(String number, String key) {
        retrying(() -> withdrawOnce(number, key));
        counters.caseWithdrawn();
        changed.fire(new ItemsChanged());
    }

    private void withdrawOnce(String number, String key) {
        long caseId = authorized(number, key).id();
        if (store.lock(caseId) == CaseStatus.withdrawn) {
            throw new AlreadyWithdrawn();
        }
        store.markWithdrawn(caseId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (long item : store.activeItems(caseId)) {
            store.retire(item, CaseStatus.withdrawn, null, today, seal, receivers);
        }
    }

    /**
     * An administrator's removal of one item (e.g. a false submission): out of the index, into the feed as
     * removed; false when there is no such item. An item no longer active is left as it is.
     */
    public boolean removeItem(long itemId, String reason) {
        boolean found = retrying(() -> store.retire(itemId, CaseStatus.removed, reason, LocalDate.now(ZoneOffset.UTC),
                seal, receivers) != CaseStore.Retired.NO_SUCH_ITEM);
        if (found) {
            changed.fire(new ItemsChanged());
        }
        return found;
    }

    /** Deletes every stored answer to an Idempotency-Key that has expired, in the caller's transaction. */
    public int deleteExpiredAnswers() {
        return store.deleteExpiredAnswers(LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Deletes retired items last changed before {@code before}, their sealed hashes, and withdrawn cases left
     * with no items, in the caller's transaction (after whatever else refers to those items); returns the items.
     */
    public long purgeRetiredBefore(LocalDate before) {
        return store.purgeRetiredBefore(before);
    }

    /** Runs {@code work} in a transaction of its own, again (up to three times) when the database aborted it as a deadlock. */
    private <T> T retrying(Callable<T> work) {
        return Jdbc.retrying(DEADLOCK_ATTEMPTS, Jdbc::isRetryable, () -> QuarkusTransaction.requiringNew().call(work));
    }

    private void retrying(Runnable work) {
        retrying(() -> {
            work.run();
            return null;
        });
    }

    /** The case for a number and key, or 404 for an unknown number or a wrong key alike. */
    private CaseStore.CaseRow authorized(String numberText, String keyText) {
        String number = CaseNumbers.parseNumber(numberText);
        String key = CaseNumbers.parseKey(keyText);
        String offered = secrets.hmac(KEY_PURPOSE, key == null ? "" : key);
        CaseStore.CaseRow row = number == null ? null : store.findCase(number).orElse(null);
        if (row == null || key == null || !Secrets.same(offered, row.keyHmac())) {
            throw new NoSuchCase(number != null && key != null);
        }
        return row;
    }

    private CaseApi.View toView(CaseStore.CaseRow row) {
        return new CaseApi.View(CaseNumbers.formatNumber(row.number()), row.status().name(), store.countItems(row.id()),
                reports.countForCase(row.id()));
    }

    private String write(CaseApi.Created c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseApi.Created read(String s) {
        try {
            return json.readValue(s, CaseApi.Created.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
