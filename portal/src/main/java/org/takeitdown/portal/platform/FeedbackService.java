package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.MatchReportCounter;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.web.ApiProblemException;

/** Platforms' reports on active items: one per platform and item (the latest wins), shown only in aggregate. */
@ApplicationScoped
public class FeedbackService implements MatchReportCounter {
    private final PlatformConfig config;
    private final CanaryService canaries;
    private final Jdbc jdbc;

    public FeedbackService(PlatformConfig config, CanaryService canaries, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.config = config;
        this.canaries = canaries;
    }

    public void record(Platform platform, PlatformApi.Feedback feedback) {
        if (feedback == null || feedback.id() == null) {
            throw ApiProblemException.badRequest("Send {\"id\":<item id>,\"outcome\":...}.");
        }
        Outcome outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(feedback.outcome()))
                .findFirst().orElseThrow(() -> ApiProblemException.badRequest(
                        "outcome must be one of pending_review, blocked, not_blocked."));
        record(platform, feedback.id(), outcome);
    }

    /**
     * Records one outcome on an item ({@link NoSuchItem}, {@link ItemNotActive} when no longer active); on one of
     * the platform's own canaries it is accepted like on an item and kept nowhere, since no case holder is behind it.
     */
    void record(Platform platform, long itemId, Outcome outcome) {
        if (canaries.owns(platform.id, itemId)) {
            return;
        }
        PlatformApi.Feedback feedback = new PlatformApi.Feedback(itemId, outcome.name());
        try {
            QuarkusTransaction.requiringNew().run(() -> upsert(platform.id, feedback.id(), outcome));
        } catch (PersistenceException raced) {
            // The same platform reported the same item at the same moment: the other insert won; update it.
            QuarkusTransaction.requiringNew().run(() -> upsert(platform.id, feedback.id(), outcome));
        }
    }

    private static void upsert(long platformId, long itemId, Outcome outcome) {
        CaseItem item = CaseItem.findById(itemId);
        if (item == null) {
            throw new NoSuchItem(itemId);
        }
        if (item.status != CaseStatus.active) {
            throw new ItemNotActive(itemId, item.status);
        }
        MatchFeedback f = MatchFeedback.findByItemAndPlatform(itemId, platformId).orElseGet(MatchFeedback::new);
        f.itemId = itemId;
        f.platformId = platformId;
        f.outcome = outcome;
        f.updatedOn = LocalDate.now(ZoneOffset.UTC);
        f.persistAndFlush();
    }

    @Override
    public CaseApi.MatchReports countForCase(long caseId) {
        return jdbc.onConnection(c -> {
        long pending = 0;
        long blocked = 0;
        long notBlocked = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT f.outcome, COUNT(*) FROM match_feedback f "
                + "JOIN case_item i ON i.id = f.item_id WHERE i.case_id = ? GROUP BY f.outcome")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long n = r.getLong(2);
                    switch (Outcome.valueOf(r.getString(1))) {
                        case pending_review -> pending = n;
                        case blocked -> blocked = n;
                        case not_blocked -> notBlocked = n;
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }
        return new CaseApi.MatchReports(pending, blocked, notBlocked);
        });
    }

    /** Active items reported not blocked by at least the configured number of distinct platforms. */
    public List<Long> flagged() {
        return QuarkusTransaction.requiringNew().call(() -> MatchFeedback.flaggedItems(config.flagThreshold()));
    }

    /** Reports of "blocked" kept, over every platform and item (for the impact page). */
    public long countBlocked() {
        return QuarkusTransaction.requiringNew().call(() -> MatchFeedback.count("outcome", Outcome.blocked));
    }

    /** Deletes the reports on retired items last changed before {@code before}, in the caller's transaction. */
    void deleteForItemsRetiredBefore(LocalDate before) {
        MatchFeedback.getEntityManager().createQuery("delete from MatchFeedback f where f.itemId in (select i.id from "
                + "CaseItem i where i.status <> ?1 and i.changedOn < ?2)")
                .setParameter(1, CaseStatus.active).setParameter(2, before).executeUpdate();
    }
}
