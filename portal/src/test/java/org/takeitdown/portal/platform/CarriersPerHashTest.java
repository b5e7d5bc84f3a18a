package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.db.CountingJdbc;
import org.takeitdown.portal.web.Metrics;

/**
 * Many anonymous items sharing one MD5 and one PDQ ({@link MatchService#MAX_MATCHES} + 50 cases of one item each):
 * a match lists the lowest ids, says truncated and counts what it read; SubmitFeedback reaches the same items and
 * no more; a bulk feedback write passes a bounded number of ids a statement; {@code /admin} lists a bounded number
 * of flagged items and says how many there are; looking up the carriers of one kind of hash passes no empty list of
 * the other. Work is asserted as rows, statements and sizes, never as time.
 */
@Tag("database")
@QuarkusTest
class CarriersPerHashTest {
    private static final int CARRIERS = MatchService.MAX_MATCHES + 50;

    @Inject
    CaseService cases;

    @Inject
    ExchangeService exchange;

    @Inject
    PlatformStore platforms;

    @Inject
    FeedbackService feedback;

    @Inject
    MatchService matches;

    /** {@link #CARRIERS} cases each holding one image with these hashes; returns the items' ids, lowest first. */
    private List<Long> plant(String md5, String pdq) {
        for (int c = 0; c < CARRIERS; c++) {
            cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("image", md5, pdq, 90))), null);
        }
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("md5 = ?1 order by id", md5)
                .stream().map(i -> i.id).toList());
    }

    private PlatformRecord platformRecord(String name) {
        newPlatformKey(name);
        return QuarkusTransaction.requiringNew().call(() -> platforms.find(Platform.<Platform>find("name", name)
                .firstResult().id).orElseThrow());
    }

    private static Map<Long, Outcome> outcomes(long platformId) {
        return QuarkusTransaction.requiringNew().call(() -> MatchFeedback.<MatchFeedback>list("platformId", platformId)
                .stream().collect(Collectors.toMap(f -> f.itemId, f -> f.outcome)));
    }

    private static ExchangeApi.SubmitFeedback request(String... hashAndValue) {
        List<ExchangeApi.HashFeedback> all = new ArrayList<>();
        for (int n = 0; n < hashAndValue.length; n += 2) {
            all.add(new ExchangeApi.HashFeedback(hashAndValue[n], hashAndValue[n + 1], List.of()));
        }
        return new ExchangeApi.SubmitFeedback(all.size(), all);
    }

    @Test
    void aMatchOnAnMd5SharedByMoreItemsThanAnAnswerListsReadsOneMoreThanItListsAndSaysTruncated() {
        String key = newPlatformKey("Carriers match " + System.nanoTime());
        String shared = PlatformFixtures.md5();
        List<Long> ids = plant(shared, randomPdq());
        String alone = PlatformFixtures.md5();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other", alone, null, null))), null);

        double examined = Metrics.total("portal_match_examined_total");
        double truncated = Metrics.total("portal_match_truncated_total");
        Response r = platform(key).contentType(ContentType.JSON)
                .body("{\"md5\":[\"" + shared + "\",\"" + alone + "\"]}").post("/api/platform/v1/match");

        r.then().statusCode(200).body("truncated", equalTo(true)).body("results[0].truncated", equalTo(true))
                .body("results[1].truncated", equalTo(false)).body("results[1].matches.size()", equalTo(1));
        List<Number> listed = r.path("results[0].matches.id");
        assertThat(listed.stream().map(Number::longValue).toList()).as("the lowest ids, in order")
                .isEqualTo(ids.subList(0, MatchService.MAX_MATCHES));
        assertThat(Metrics.total("portal_match_examined_total") - examined).as("rows read: one more than listed, and the other")
                .isEqualTo(MatchService.MAX_MATCHES + 1 + 1);
        assertThat(Metrics.total("portal_match_truncated_total") - truncated).isEqualTo(1);
    }

    @Test
    void submitFeedbackOnHashesSharedByMoreItemsThanAMatchListsWritesOnlyTheItemsAMatchLists() {
        PlatformRecord p = platformRecord("Carriers feedback " + System.nanoTime());
        String md5 = PlatformFixtures.md5();
        String pdq = randomPdq();
        List<Long> ids = plant(md5, pdq);
        List<Long> listed = ids.subList(0, ExchangeService.MAX_CARRIERS);

        CountingJdbc.Tally byMd5 = new CountingJdbc.Tally();
        ExchangeApi.FeedbackAnswer answer = CountingJdbc.count(byMd5,
                () -> exchange.submitFeedback(p, request(md5, "NotBlocked")));
        assertThat(answer.recorded()).isEqualTo(1);
        assertThat(byMd5.rowsWritten).as("a report on each item and its count of not blocked: " + byMd5)
                .isEqualTo(2 * ExchangeService.MAX_CARRIERS);
        assertThat(outcomes(p.id()).keySet()).as("the items a match lists").containsExactlyInAnyOrderElementsOf(listed);

        CountingJdbc.Tally both = new CountingJdbc.Tally();
        CountingJdbc.count(both, () -> exchange.submitFeedback(p, request(pdq, "PendingReview", md5, "Blocked")));
        assertThat(both.rowsWritten).as("each item reached once, by the later entry, and its count of not blocked "
                + "down again").isEqualTo(2 * ExchangeService.MAX_CARRIERS);
        assertThat(outcomes(p.id())).hasSize(ExchangeService.MAX_CARRIERS)
                .allSatisfy((id, outcome) -> assertThat(outcome).isEqualTo(Outcome.blocked));
        assertThat(both.statements).as("the same statements as one hash").isEqualTo(byMd5.statements);
    }

    @Test
    void lookingUpTheCarriersOfMd5sAloneOrPdqsAlonePassesNoEmptyListOfTheOtherKind() {
        PlatformRecord p = platformRecord("Carriers one kind " + System.nanoTime());
        String md5 = PlatformFixtures.md5();
        String pdq = randomPdq();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("image", md5, pdq, 90))), null);

        CountingJdbc.Tally match = new CountingJdbc.Tally();
        PlatformApi.MatchResponse answer = CountingJdbc.count(match, () -> matches.match(p,
                new PlatformApi.MatchRequest(List.of(md5, PlatformFixtures.md5()), null, null, null, null, null)));
        assertThat(answer.results().get(0).matches()).hasSize(1);
        assertThat(match.arrays).as("the MD5s, and no empty list of PDQs: " + match).containsExactly(2);

        for (String hash : List.of(md5, pdq)) {
            CountingJdbc.Tally feedbackOnOne = new CountingJdbc.Tally();
            ExchangeApi.FeedbackAnswer recorded = CountingJdbc.count(feedbackOnOne,
                    () -> exchange.submitFeedback(p, request(hash, "NotBlocked")));
            assertThat(recorded.recorded()).isEqualTo(1);
            assertThat(feedbackOnOne.arrays).as("no empty list of the other kind: " + feedbackOnOne)
                    .isNotEmpty().doesNotContain(0);
        }
    }

    @Test
    void aBulkFeedbackWriteOfSeventyThousandIdsPassesAtMostTenThousandAStatementAndWritesTheActiveOnes() {
        PlatformRecord p = platformRecord("Carriers bulk " + System.nanoTime());
        List<Long> real = plant(PlatformFixtures.md5(), randomPdq());
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 70_000 - real.size()).map(n -> -n).boxed().toList());
        ids.addAll(real);

        CountingJdbc.Tally tally = new CountingJdbc.Tally();
        CountingJdbc.count(tally, () -> QuarkusTransaction.requiringNew().call(() -> {
            platforms.upsertFeedback(p.id(), Map.of(Outcome.blocked, ids), LocalDate.now(ZoneOffset.UTC));
            return null;
        }));
        assertThat(tally.statements).as("an update and an insert, and a lock and a recount, for every %d ids",
                PlatformStore.IDS_PER_STATEMENT).isEqualTo(2 * 7 + 2 * 7);
        assertThat(tally.arrays).as("at most %d ids a statement", PlatformStore.IDS_PER_STATEMENT)
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(PlatformStore.IDS_PER_STATEMENT));
        assertThat(tally.rowsWritten).as("the reports; no count of not blocked changes").isEqualTo(CARRIERS);
        assertThat(outcomes(p.id()).keySet()).containsExactlyInAnyOrderElementsOf(real);
    }

    @Test
    void theAdminPageListsAtMostAHundredFlaggedItemsTheMostReportedFirstAndSaysHowManyThereAre() {
        List<Long> ids = plant(PlatformFixtures.md5(), randomPdq());
        long mostReported = ids.get(ids.size() - 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int n = 0; n < 4; n++) {
            PlatformRecord p = platformRecord("Carriers reviewer " + n + " " + System.nanoTime());
            List<Long> reported = n < 3 ? ids : List.of(mostReported);
            QuarkusTransaction.requiringNew().run(() -> platforms.upsertFeedback(p.id(),
                    Map.of(Outcome.not_blocked, reported), today));
        }
        FeedbackService.Flagged flagged = feedback.flagged(FeedbackService.MAX_FLAGGED_SHOWN);
        assertThat(flagged.total()).isGreaterThanOrEqualTo(CARRIERS);

        String page = admin().get("/admin").then().statusCode(200)
                .body(containsString("id=\"flagged-shown\""),
                        containsString("Showing " + FeedbackService.MAX_FLAGGED_SHOWN + " of "
                                + (flagged.atLeast() ? "at least " : "")
                                + String.format(java.util.Locale.ENGLISH, "%,d", flagged.total())))
                .extract().asString();
        Matcher forms = Pattern.compile("action=\"/admin/items/(\\d+)/remove\"").matcher(page);
        List<Long> shown = new ArrayList<>();
        while (forms.find()) {
            shown.add(Long.parseLong(forms.group(1)));
        }
        assertThat(shown).hasSize(FeedbackService.MAX_FLAGGED_SHOWN);
        // Other tests' flagged items share the database, so only this test's items' order is asserted.
        assertThat(shown).as("reported by four platforms").contains(mostReported);
        assertThat(shown.subList(0, shown.indexOf(mostReported))).as("none reported by three comes before it")
                .doesNotContainAnyElementsOf(ids);
    }
}
