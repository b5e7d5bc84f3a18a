package org.takeitdown.portal.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.takeitdown.hasher.vpdq.VpdqFrame;
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

    public CaseService(Secrets secrets, ObjectMapper json, Event<ItemsChanged> changed, MatchReportCounter reports,
                       Counters counters) {
        this.counters = counters;
        this.secrets = secrets;
        this.json = json;
        this.changed = changed;
        this.reports = reports;
    }

    /** Creates a case, or returns the earlier answer for the same Idempotency-Key and body. */
    public CaseApi.Created create(CaseApi.ItemsRequest request, String idempotencyKey) {
        List<CaseApi.Item> items = ItemRules.normalize(request);
        CaseApi.Created created = createCommitted(items, idempotencyKey);
        changed.fire(new ItemsChanged());
        return created;
    }

    private CaseApi.Created createCommitted(List<CaseApi.Item> items, String idempotencyKey) {
        if (idempotencyKey == null) {
            return QuarkusTransaction.requiringNew().call(() -> createCase(items));
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiProblemException.badRequest("Idempotency-Key must be 1 to 200 characters.");
        }
        String keyHmac = secrets.hmac(IDEMPOTENCY_PURPOSE, idempotencyKey);
        String bodyHash = sha256(ItemRules.canonical(items));
        try {
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, keyHmac, bodyHash));
        } catch (PersistenceException raced) {
            // A concurrent request with the same key committed first: answer as it was answered.
            return QuarkusTransaction.requiringNew().call(() -> createOnce(items, keyHmac, bodyHash));
        }
    }

    private CaseApi.Created createOnce(List<CaseApi.Item> items, String keyHmac, String bodyHash) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        IdempotentAnswer earlier = IdempotentAnswer.findLive(keyHmac, now);
        if (earlier != null) {
            if (!earlier.bodyHash.equals(bodyHash)) {
                throw new ApiProblemException(422, "Unprocessable request",
                        "This Idempotency-Key was already used with a different body.");
            }
            return read(secrets.decrypt(earlier.answer));
        }
        // Answers older than 24 hours go now, this key's included.
        IdempotentAnswer.deleteExpired(now);
        CaseApi.Created created = createCase(items);
        IdempotentAnswer answer = new IdempotentAnswer();
        answer.keyHmac = keyHmac;
        answer.bodyHash = bodyHash;
        answer.answer = secrets.encrypt(write(created));
        answer.expiresAt = now.plusHours(IDEMPOTENCY_HOURS);
        answer.persistAndFlush();
        return created;
    }

    private CaseApi.Created createCase(List<CaseApi.Item> items) {
        ReportCase c = new ReportCase();
        do {
            c.number = CaseNumbers.newNumber();
        } while (ReportCase.findByNumber(c.number).isPresent());
        String key = CaseNumbers.newKey();
        c.keyHmac = secrets.hmac(KEY_PURPOSE, key);
        c.status = CaseStatus.active;
        c.createdOn = LocalDate.now(ZoneOffset.UTC);
        c.persist();
        for (CaseApi.Item item : items) {
            addItem(c, item);
        }
        Panache.getEntityManager().flush();
        counters.caseCreated(items.size());
        return new CaseApi.Created(CaseNumbers.formatNumber(c.number), key, c.status.name(), items.size());
    }

    private void addItem(ReportCase c, CaseApi.Item in) {
        CaseItem item = new CaseItem();
        item.caseId = c.id;
        item.kind = in.kind();
        item.md5 = in.md5();
        item.pdq = in.pdq();
        item.pdqQuality = in.pdqQuality() == null ? null : in.pdqQuality().shortValue();
        item.status = CaseStatus.active;
        item.seq = null;
        item.addedOn = LocalDate.now(ZoneOffset.UTC);
        item.changedOn = item.addedOn;
        List<VpdqFrame> frames = ItemRules.frames(in);
        item.vpdqFrames = frames == null ? null : frames.size();
        item.persist();
        if (frames != null) {
            ItemVpdq.store(item.id, frames);
        }
    }

    /** The case's status, or 404 for an unknown number or a wrong key. */
    public CaseApi.View view(String number, String key) {
        return QuarkusTransaction.requiringNew().call(() -> toView(authorized(number, key)));
    }

    /** Adds items to an active case (repeats of MD5s it already holds are ignored). */
    public CaseApi.View addItems(String number, String key, CaseApi.ItemsRequest request) {
        List<CaseApi.Item> items = ItemRules.normalize(request);
        CaseApi.View view = QuarkusTransaction.requiringNew().call(() -> {
            ReportCase c = authorized(number, key);
            if (c.status != CaseStatus.active) {
                throw ApiProblemException.conflict("This case was withdrawn; start a new case to submit more.");
            }
            Set<String> have = new HashSet<>(CaseItem.md5sOfCase(c.id));
            List<CaseApi.Item> fresh = items.stream().filter(i -> !have.contains(i.md5())).toList();
            if (have.size() + fresh.size() > ItemRules.MAX_PER_CASE) {
                throw ApiProblemException.conflict("A case holds at most " + ItemRules.MAX_PER_CASE
                        + " items; this one holds " + have.size() + ". Start a new case for more.");
            }
            for (CaseApi.Item item : fresh) {
                addItem(c, item);
            }
            counters.itemsAdded(fresh.size());
            Panache.getEntityManager().flush();
            return toView(c);
        });
        changed.fire(new ItemsChanged());
        return view;
    }

    /** Withdraws the case and all its items; 409 when already withdrawn. */
    public void withdraw(String number, String key) {
        QuarkusTransaction.requiringNew().run(() -> {
            ReportCase c = authorized(number, key);
            if (c.status == CaseStatus.withdrawn) {
                throw ApiProblemException.conflict("This case is already withdrawn.");
            }
            c.status = CaseStatus.withdrawn;
            counters.caseWithdrawn();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (CaseItem item : CaseItem.listByCase(c.id)) {
                if (item.status == CaseStatus.active) {
                    item.retire(CaseStatus.withdrawn, today);
                }
            }
        });
        changed.fire(new ItemsChanged());
    }

    private ReportCase authorized(String numberText, String keyText) {
        String number = CaseNumbers.parseNumber(numberText);
        String key = CaseNumbers.parseKey(keyText);
        String offered = secrets.hmac(KEY_PURPOSE, key == null ? "" : key);
        ReportCase c = number == null ? null : ReportCase.findByNumber(number).orElse(null);
        boolean ok = c != null && key != null && Secrets.same(offered, c.keyHmac);
        if (!ok) {
            throw ApiProblemException.notFound();
        }
        return c;
    }

    private CaseApi.View toView(ReportCase c) {
        return new CaseApi.View(CaseNumbers.formatNumber(c.number), c.status.name(), CaseItem.countByCase(c.id),
                reports.countForCase(c.id));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
