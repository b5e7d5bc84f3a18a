package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.web.ApiProblemException;

/**
 * Platforms' reports on active items: one per platform and item (the latest wins), shown only in aggregate
 * (the counts per case are {@link PlatformStore#countForCase}).
 */
@ApplicationScoped
public class FeedbackService {
    private final PlatformConfig config;
    private final CanaryService canaries;
    private final PlatformStore store;

    public FeedbackService(PlatformConfig config, CanaryService canaries, PlatformStore store) {
        this.config = config;
        this.canaries = canaries;
        this.store = store;
    }

    public void record(PlatformRecord platform, PlatformApi.Feedback feedback) {
        if (feedback == null || feedback.id() == null) {
            throw ApiProblemException.badRequest("Send {\"id\":<item id>,\"outcome\":...}.");
        }
        Outcome outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(feedback.outcome()))
                .findFirst().orElseThrow(() -> ApiProblemException.badRequest(
                        "outcome must be one of pending_review, blocked, not_blocked."));
        record(platform, feedback.id(), outcome);
    }

    /**
     * Records one outcome on an item (404 unknown, 409 no longer active); on one of the platform's own
     * canaries it is accepted like on an item and kept nowhere, since no case holder is behind it.
     */
    void record(PlatformRecord platform, long itemId, Outcome outcome) {
        if (canaries.owns(platform.id(), itemId)) {
            return;
        }
        Optional<CaseStatus> status;
        try {
            status = upsert(platform.id(), itemId, outcome);
        } catch (PersistenceException raced) {
            // The same platform reported the same item at the same moment: the other insert won; update it.
            status = upsert(platform.id(), itemId, outcome);
        }
        if (status.isEmpty()) {
            throw new ApiProblemException(404, "Not found", "There is no item with id " + itemId + ".");
        }
        if (status.get() != CaseStatus.active) {
            throw ApiProblemException.conflict("Item " + itemId + " was " + status.get()
                    + " and is no longer on the list; feedback on it is not recorded.");
        }
    }

    private Optional<CaseStatus> upsert(long platformId, long itemId, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() ->
                store.upsertFeedback(platformId, itemId, outcome, LocalDate.now(ZoneOffset.UTC)));
    }

    /** Active items reported not blocked by at least the configured number of distinct platforms. */
    public List<Long> flagged() {
        return QuarkusTransaction.requiringNew().call(() -> store.flaggedItems(config.flagThreshold()));
    }
}
