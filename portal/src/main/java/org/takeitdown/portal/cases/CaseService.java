package org.takeitdown.portal.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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
    private static final int IDEMPOTENCY_HOURS = 24;

    private final Secrets secrets;
    private final ObjectMapper json;
    private final Event<ItemsChanged> changed;
    private final MatchReportCounter reports;
    private final Counters counters;
    private final CaseJdbc jdbc;
    private final int framesPerCase;
    private final HashSeal seal;

    public CaseService(Secrets secrets, ObjectMapper json, Event<ItemsChanged> changed, MatchReportCounter reports,
                       Counters counters, CaseJdbc jdbc, LimitsConfig limits, HashSeal seal) {
        this.seal = seal;
        this.framesPerCase = limits.framesPerCase();
        this.counters = counters;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
        this.changed = changed;
        this.reports = reports;
    }

    /** Creates a case, or returns the earlier answer for the same Idempotency-Key and body. */
    public CaseApi.Created create(CaseApi.ItemsRequest request, String idempotencyKey) {
        List<NewItem> items = ItemRules.normalize(request);
        checkFrames(0, items);
        CaseApi.Created created = createCommitted(items, idempotencyKey);
        changed.fire(new ItemsChanged());
        return created;
    }

    private CaseApi.Created createCommitted(List<NewItem> items, String idempotencyKey) {
        if (idempotencyKey == null) {
            return createAlone(items);
        }
        if (!AnswerSeal.wellFormed(idempotencyKey)) {
            throw ApiProblemException.badRequest("Idempotency-Key must be 22 to 200 base64url characters "
                    + "(A-Z a-z 0-9 - _) or a UUID: a random secret made by the client.");
        }
        String keyHmac = secrets.hmac(IDEMPOTENCY_PURPOSE, idempotencyKey);
        String body = ItemRules.canonical(items);
        try {
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, idempotencyKey, keyHmac, body));
        } catch (PersistenceException raced) {
            // A concurrent request with the same key committed first: answer as it was answered.
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, idempotencyKey, keyHmac, body));
        }
    }

    /**
     * The earlier answer for this key, or a new case whose answer is stored sealed under keys derived
     * from the Idempotency-Key (which only the client holds) for 24 hours.
     */
    private CaseApi.Created createOnce(List<NewItem> items, String idempotencyKey, String keyHmac, String body)
            throws GeneralSecurityException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        IdempotentAnswer earlier = IdempotentAnswer.findLive(keyHmac, now);
        if (earlier != null) {
            if (!AnswerSeal.sameBody(earlier.bodyMac, AnswerSeal.bodyMac(idempotencyKey, earlier.salt, body))) {
                throw new ApiProblemException(422, "Unprocessable request",
                        "This Idempotency-Key was already used with a different body.");
            }
            return read(AnswerSeal.open(idempotencyKey, earlier.salt, keyHmac, earlier.answer));
        }
        // Answers older than 24 hours go now, this key's included.
        IdempotentAnswer.deleteExpired(now);
        CaseApi.Created created;
        String salt = AnswerSeal.newSalt();
        try (Connection c = jdbc.connection()) {
            created = createCase(c, items, true);
            // On plain JDBC: a concurrent request with the same key fails this insert (and the caller
            // retries), and no ORM logs the failed statement's values.
            jdbc.insertAnswer(c, keyHmac, salt, AnswerSeal.bodyMac(idempotencyKey, salt, body),
                    AnswerSeal.seal(idempotencyKey, salt, keyHmac, write(created)), now.plusHours(IDEMPOTENCY_HOURS));
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        counters.caseCreated(items.size());
        return created;
    }

    /**
     * A case in a transaction of its own, on one connection. A case number already taken (one
     * chance in about 10^14 per case) fails the insert; the whole case is then tried again.
     */
    private CaseApi.Created createAlone(List<NewItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                CaseApi.Created created = jdbc.inTransaction(c -> createCase(c, items, false));
                counters.caseCreated(items.size());
                return created;
            } catch (SQLException e) {
                if (!CaseJdbc.isUniqueViolation(e) || attempt == 5) {
                    throw new PersistenceException(e);
                }
            }
        }
    }

    /**
     * Inserts a case and its items on {@code c}. Inside a shared transaction ({@code checkNumber}),
     * a taken number is looked for first, since a failed insert would end that transaction.
     */
    private CaseApi.Created createCase(Connection c, List<NewItem> items, boolean checkNumber) throws SQLException {
        String number;
        do {
            number = CaseNumbers.newNumber();
        } while (checkNumber && jdbc.findCase(c, number) != null);
        String key = CaseNumbers.newKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long id = jdbc.insertCase(c, number, secrets.hmac(KEY_PURPOSE, key), today);
        jdbc.insertItems(c, id, items, today);
        return new CaseApi.Created(CaseNumbers.formatNumber(number), key, CaseStatus.active.name(), items.size());
    }

    /** The case's status, or 404 for an unknown number or a wrong key. */
    public CaseApi.View view(String number, String key) {
        return onConnection(c -> toView(c, authorized(c, number, key)));
    }

    /** Adds items to an active case (repeats of MD5s it already holds are ignored). */
    public CaseApi.View addItems(String number, String key, CaseApi.ItemsRequest request) {
        List<NewItem> items = ItemRules.normalize(request);
        CaseApi.View view = inTransaction(c -> {
            CaseJdbc.CaseRow row = authorized(c, number, key);
            if (jdbc.lock(c, row.id()) != CaseStatus.active) {
                throw ApiProblemException.conflict("This case was withdrawn; start a new case to submit more.");
            }
            Set<String> have = jdbc.md5s(c, row.id());
            List<NewItem> fresh = items.stream().filter(i -> !have.contains(i.md5())).toList();
            if (have.size() + fresh.size() > ItemRules.MAX_PER_CASE) {
                throw ApiProblemException.conflict("A case holds at most " + ItemRules.MAX_PER_CASE
                        + " items; this one holds " + have.size() + ". Start a new case for more.");
            }
            checkFrames(jdbc.countFrames(c, row.id()), fresh);
            jdbc.insertItems(c, row.id(), fresh, LocalDate.now(ZoneOffset.UTC));
            counters.itemsAdded(fresh.size());
            return toView(c, row);
        });
        changed.fire(new ItemsChanged());
        return view;
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
     * as a deadlock with the sequencer (see {@link CaseJdbc#isRetryable}) changed nothing and is run again.
     */
    public void withdraw(String number, String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> withdrawOnce(number, key));
                break;
            } catch (RuntimeException e) {
                if (attempt == 3 || !CaseJdbc.isRetryable(e)) {
                    throw e;
                }
            }
        }
        counters.caseWithdrawn();
        changed.fire(new ItemsChanged());
    }

    private void withdrawOnce(String number, String key) {
        ReportCase c = ReportCase.findById(onConnection(connection -> authorized(connection, number, key)).id());
        if (c.status == CaseStatus.withdrawn) {
            throw new AlreadyWithdrawn();
        }
        c.status = CaseStatus.withdrawn;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (CaseItem item : CaseItem.listByCase(c.id)) {
            if (item.status == CaseStatus.active) {
                item.retire(CaseStatus.withdrawn, today, seal);
            }
        }
    }

    /** Runs work in a transaction of its own on one connection. */
    private <T> T inTransaction(CaseJdbc.Work<T> work) {
        try {
            return jdbc.inTransaction(work);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Runs read work on a connection of the data source (inside a JTA transaction, its own). */
    private <T> T onConnection(CaseJdbc.Work<T> work) {
        try (Connection c = jdbc.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** The case for a number and key, or 404 for an unknown number or a wrong key alike. */
    private CaseJdbc.CaseRow authorized(Connection c, String numberText, String keyText) throws SQLException {
        String number = CaseNumbers.parseNumber(numberText);
        String key = CaseNumbers.parseKey(keyText);
        String offered = secrets.hmac(KEY_PURPOSE, key == null ? "" : key);
        CaseJdbc.CaseRow row = number == null ? null : jdbc.findCase(c, number);
        if (row == null || key == null || !Secrets.same(offered, row.keyHmac())) {
            throw new NoSuchCase();
        }
        return row;
    }

    private CaseApi.View toView(Connection c, CaseJdbc.CaseRow row) throws SQLException {
        return new CaseApi.View(CaseNumbers.formatNumber(row.number()), row.status().name(), jdbc.countItems(c, row.id()),
                reports.countForCase(c, row.id()));
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
