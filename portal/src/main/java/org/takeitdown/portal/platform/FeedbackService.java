package org.takeitdown.portal.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.db.Jdbc;
import org.takeitdown.portal.web.ApiProblemException;

/**
 * Platforms' reports on active items: one per platform and item (the latest wins), shown only in aggregate
 * (the counts per case are {@link PlatformStore#countForCase}).
 */
@ApplicationScoped
public class FeedbackService {
    /**
     * Flagged items /admin lists at once, each with its removal form: 100 keep the page small (about 40 KB) however
     * many reports platforms send; removing some brings up the next.
     */
    public static final int MAX_FLAGGED_SHOWN = 100;

    /**
     * Flagged items /admin counts at most: past 1,000 it says "at least 1,000", which tells the operator all that
     * matters (far more than one review session), and the count reads no more than that many index entries.
     */
    public static final int MAX_FLAGGED_COUNTED = 1_000;

    /**
     * Runs of a feedback write the database aborted: the first, and two more (see {@link #runAgain}).
     */
    private static final int ATTEMPTS = 3;

    private final PlatformConfig config;
    private final CanaryService canaries;
    private final PlatformStore store;
    private final FeedStore items;

    public FeedbackService(PlatformConfig config, CanaryService canaries, PlatformStore store, FeedStore items) {
        this.config = config;
        this.canaries = canaries;
        this.store = store;
        this.items = items;
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
     * Records one outcome on an item ({@link NoSuchItem}, {@link ItemNotActive} when no longer active); on one of
     * the platform's own canaries it is accepted like on an item and kept nowhere, since no case holder is behind it.
     */
    void record(PlatformRecord platform, long itemId, Outcome outcome) {
        if (canaries.owns(platform.id(), itemId)) {
            return;
        }
        Optional<CaseStatus> status = Jdbc.retrying(ATTEMPTS, FeedbackService::runAgain,
                () -> upsert(platform.id(), itemId, outcome));
        if (status.isEmpty()) {
            throw new NoSuchItem(itemId);
        }
        if (status.get() != CaseStatus.active) {
            throw new ItemNotActive(itemId, status.get());
        }
    }

    /**
     * Whether a feedback write the database aborted, which changed nothing, is run again: when the same platform
     * reported the same item at the same moment (the other insert won; the next run updates it), or when it deadlocked
     * with a withdrawal (which locks items, then platforms, while an insert of a report holds its platform's key).
     */
    static boolean runAgain(Throwable e) {
        return Jdbc.isUniqueViolation(e) || Jdbc.isRetryable(e);
    }

    /** The item's status, and the outcome recorded when it is active (a later report replaces an earlier one). */
    private Optional<CaseStatus> upsert(long platformId, long itemId, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<CaseStatus> status = items.itemStatus(itemId);
            if (status.orElse(null) == CaseStatus.active) {
                store.upsertFeedback(platformId, Map.of(outcome, List.of(itemId)), LocalDate.now(ZoneOffset.UTC));
            }
            return status;
        });
    }

    /**
     * Records an outcome on each of these items that is still active, in the caller's transaction and a bounded
     * number of statements (a later report replaces an earlier one, as {@link #record(PlatformRecord, long, Outcome)}).
     */
    void recordOnActive(long platformId, Map<Outcome, List<Long>> byOutcome) {
        store.upsertFeedback(platformId, byOutcome, LocalDate.now(ZoneOffset.UTC));
    }

    /** Reports of "blocked" kept, over every platform and item (for the impact page). */
    public long countBlocked() {
        return QuarkusTransaction.requiringNew().call(store::countBlocked);
    }

    /** Deletes the reports on retired items last changed before {@code before}, in the caller's transaction. */
    void deleteForItemsRetiredBefore(LocalDate before) {
        store.deleteFeedbackOnItemsRetiredBefore(before);
    }

    /** Some flagged items, and how many there are in all, or at least ({@code atLeast}) when there are very many. */
    public record Flagged(List<Long> shown, long total, boolean atLeast) {
    }

    /**
     * Active items reported not blocked by at least the configured number of distinct platforms: the first
     * {@code limit}, those reported by the most platforms first, then the oldest; and the total, counted up to
     * {@link #MAX_FLAGGED_COUNTED}.
     */
    public Flagged flagged(int limit) {
        PlatformStore.FlaggedItems found = QuarkusTransaction.requiringNew()
                .call(() -> store.flaggedItems(config.flagThreshold(), limit, MAX_FLAGGED_COUNTED));
        return new Flagged(found.first(), found.total(), found.atLeast());
    }
}
