package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.db.CountingJdbc;
import org.takeitdown.portal.db.RowsRead;

/**
 * The operator's list of possible false submissions against adversarial data: thousands of not-blocked reports on
 * items below the threshold, and more flagged items than the page shows or counts. The page reads about as many
 * rows as it shows (and counts up to {@link FeedbackService#MAX_FLAGGED_COUNTED}), however many reports are kept;
 * the per-item count of platforms follows every change of a report. Work is asserted as rows read (the database's
 * own count under EXPLAIN ANALYZE), never as time.
 */
@Tag("database")
@QuarkusTest
class FlaggedItemsWorkTest {
    /** Items each reported not blocked by one platform too few to flag them. */
    private static final int BELOW = 3_000;
    /** Items each reported not blocked by the threshold's three platforms: more than the page counts. */
    private static final int FLAGGED = FeedbackService.MAX_FLAGGED_COUNTED + 50;
    private static final int THRESHOLD = 3;

    @Inject
    CaseService cases;

    @Inject
    PlatformStore platforms;

    @Inject
    FeedbackService feedback;

    @Inject
    AgroalDataSource db;

    /** {@code n} items, in cases of 100, each with its own MD5; returns their ids. */
    private List<Long> items(int n) {
        List<String> md5s = new ArrayList<>();
        for (int from = 0; from < n; from += 100) {
            List<CaseApi.Item> items = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 100); i++) {
                String md5 = PlatformFixtures.md5();
                md5s.add(md5);
                items.add(new CaseApi.Item("other", md5, null, null));
            }
            cases.create(new CaseApi.ItemsRequest(items), null);
        }
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("md5 in ?1 order by id", md5s)
                .stream().map(i -> i.id).toList());
    }

    private long platformId(String name) {
        newPlatformKey(name);
        return QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>find("name", name).firstResult().id);
    }

    private void report(long platformId, List<Long> ids, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> platforms.upsertFeedback(platformId, Map.of(outcome, ids),
                LocalDate.now(ZoneOffset.UTC)));
    }

    private int notBlockedPlatforms(long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CaseItem.getEntityManager()
                .createNativeQuery("SELECT not_blocked_platforms FROM case_item WHERE id = ?1").setParameter(1, itemId)
                .getSingleResult()).intValue());
    }

    private static String feedbackBody(long id, Outcome outcome) {
        return "{\"id\":" + id + ",\"outcome\":\"" + outcome + "\"}";
    }

    @Test
    void theFlaggedListReadsAboutAsManyRowsAsItShowsAndCountsThoughThousandsOfReportsAreBelowTheThreshold() {
        List<Long> below = items(BELOW);
        List<Long> flagged = items(FLAGGED);
        for (int n = 0; n < THRESHOLD; n++) {
            long p = platformId("Flagged work " + n + " " + System.nanoTime());
            report(p, n < THRESHOLD - 1 ? below : List.of(), Outcome.not_blocked);
            report(p, flagged, Outcome.not_blocked);
        }

        CountingJdbc.Tally tally = new CountingJdbc.Tally();
        FeedbackService.Flagged shown = CountingJdbc.count(tally, () -> feedback.flagged(FeedbackService.MAX_FLAGGED_SHOWN));

        assertThat(shown.shown()).hasSize(FeedbackService.MAX_FLAGGED_SHOWN).doesNotContainAnyElementsOf(below);
        assertThat(shown.total()).as("counted up to the cap").isEqualTo(FeedbackService.MAX_FLAGGED_COUNTED);
        assertThat(shown.atLeast()).isTrue();
        assertThat(tally.sql).as("the first page, then the count").hasSize(2);
        long first = RowsRead.of(db, tally.sql.get(0), tally.binder(0));
        assertThat(first).as("the page stops after the %d it shows; %d reports not blocked are kept on items below "
                + "the threshold", FeedbackService.MAX_FLAGGED_SHOWN, 2 * BELOW)
                .isLessThanOrEqualTo(FeedbackService.MAX_FLAGGED_SHOWN + 2);
        long counted = RowsRead.of(db, tally.sql.get(1), tally.binder(1));
        assertThat(counted).as("the count stops at %d", FeedbackService.MAX_FLAGGED_COUNTED)
                .isLessThanOrEqualTo(FeedbackService.MAX_FLAGGED_COUNTED + 2);

        admin().get("/admin").then().statusCode(200).body(containsString("Showing "
                + FeedbackService.MAX_FLAGGED_SHOWN + " of at least " + String.format(java.util.Locale.ENGLISH, "%,d",
                FeedbackService.MAX_FLAGGED_COUNTED)));
    }

    @Test
    void aPlatformChangingItsReportFromNotBlockedToBlockedTakesTheItemOffTheListAndBack() {
        long id = items(1).get(0);
        List<String> keys = new ArrayList<>();
        for (int n = 0; n < THRESHOLD; n++) {
            keys.add(newPlatformKey("Flagged change " + n + " " + System.nanoTime()));
        }
        for (String key : keys) {
            platform(key).contentType(ContentType.JSON).body(feedbackBody(id, Outcome.not_blocked))
                    .post("/api/platform/v1/feedback").then().statusCode(204);
        }
        assertThat(notBlockedPlatforms(id)).isEqualTo(THRESHOLD);
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).contains(id);

        platform(keys.get(0)).contentType(ContentType.JSON).body(feedbackBody(id, Outcome.blocked))
                .post("/api/platform/v1/feedback").then().statusCode(204);
        assertThat(notBlockedPlatforms(id)).isEqualTo(THRESHOLD - 1);
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).doesNotContain(id);

        platform(keys.get(1)).contentType(ContentType.JSON).body(feedbackBody(id, Outcome.not_blocked))
                .post("/api/platform/v1/feedback").then().statusCode(204);
        assertThat(notBlockedPlatforms(id)).as("the same platform again counts once").isEqualTo(THRESHOLD - 1);

        platform(keys.get(0)).contentType(ContentType.JSON).body(feedbackBody(id, Outcome.not_blocked))
                .post("/api/platform/v1/feedback").then().statusCode(204);
        assertThat(notBlockedPlatforms(id)).isEqualTo(THRESHOLD);
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).contains(id);
    }

    @Test
    void aRevokedPlatformsReportsStillCountAndAWithdrawnItemLeavesTheList() {
        String md5 = PlatformFixtures.md5();
        CaseApi.Created created = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other", md5, null,
                null))), null);
        long id = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", md5).firstResult().id);
        List<Long> reporters = new ArrayList<>();
        for (int n = 0; n < THRESHOLD; n++) {
            long p = platformId("Flagged revoked " + n + " " + System.nanoTime());
            reporters.add(p);
            report(p, List.of(id), Outcome.not_blocked);
        }
        admin().delete("/api/admin/platforms/" + reporters.get(0)).then().statusCode(204);
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).as("reports made while the key was valid stay")
                .contains(id);

        given().header("X-Case-Key", created.caseKey()).delete("/api/cases/" + created.caseNumber())
                .then().statusCode(204);
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).doesNotContain(id);
    }

    @Test
    void platformsReportingOneItemAtTheSameMomentAreEachCountedOnce() throws Exception {
        int platformsAtOnce = 8;
        List<Long> ids = items(20);
        List<PlatformRecord> reporters = new ArrayList<>();
        for (int n = 0; n < platformsAtOnce; n++) {
            long p = platformId("Flagged at once " + n + " " + System.nanoTime());
            reporters.add(platforms.find(p).orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(platformsAtOnce);
        try {
            for (long id : ids) {
                List<Callable<Void>> all = new ArrayList<>();
                for (PlatformRecord p : reporters) {
                    all.add(() -> {
                        feedback.record(p, id, Outcome.not_blocked);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(all)) {
                    done.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        for (long id : ids) {
            assertThat(notBlockedPlatforms(id)).as("item %d", id).isEqualTo(platformsAtOnce);
        }
    }
}
