package org.takeitdown.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.db.CountingJdbc;
import org.takeitdown.portal.web.ApiProblemException;

/**
 * The exchange's work per request against adversarial data (hundreds of items sharing one PDQ across cases,
 * near-identical PDQs): SubmitFeedback's statements and transactions do not grow with the items sharing a hash
 * or with the entries, the {@link ExchangeService#MAX_CARRIERS} items a match lists for the hash get the platform's
 * latest outcome and no others, and a FetchHashes record stays small.
 */
@Tag("database")
@QuarkusTest
class ExchangeWorkTest {
    private static final int CASES = 3;
    private static final int ITEMS_PER_CASE = 100;

    @Inject
    CaseService cases;

    @Inject
    ExchangeService exchange;

    @Inject
    SyncJob sync;

    /** Cases of {@link #ITEMS_PER_CASE} images all with {@code pdq} and distinct MD5s; returns {caseNumber, caseKey}s. */
    private List<CaseApi.Created> plantShared(String pdq) {
        List<CaseApi.Created> out = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            List<CaseApi.Item> items = new ArrayList<>();
            for (int i = 0; i < ITEMS_PER_CASE; i++) {
                items.add(new CaseApi.Item("image", PlatformFixtures.md5(), pdq, 90));
            }
            out.add(cases.create(new CaseApi.ItemsRequest(items), null));
        }
        return out;
    }

    @Inject
    PlatformStore platforms;

    private PlatformRecord platform(String name) {
        newPlatformKey(name);
        return QuarkusTransaction.requiringNew().call(() -> platforms.find(Platform.<Platform>find("name", name)
                .firstResult().id).orElseThrow());
    }

    private static List<Long> itemIds(String pdqOrMd5) {
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("pdq = ?1 or md5 = ?1", pdqOrMd5)
                .stream().map(i -> i.id).sorted().toList());
    }

    /** The platform's stored outcomes, by item id. */
    private static Map<Long, Outcome> outcomes(long platformId) {
        return QuarkusTransaction.requiringNew().call(() -> MatchFeedback.<MatchFeedback>list("platformId", platformId)
                .stream().collect(Collectors.toMap(f -> f.itemId, f -> f.outcome)));
    }

    private static ExchangeApi.SubmitFeedback request(List<String[]> entries) {
        List<ExchangeApi.HashFeedback> all = new ArrayList<>();
        for (String[] e : entries) {
            all.add(new ExchangeApi.HashFeedback(e[0], e[1], List.of()));
        }
        return new ExchangeApi.SubmitFeedback(all.size(), all);
    }

    private ExchangeApi.FeedbackAnswer submit(PlatformRecord p, CountingJdbc.Tally tally, List<String[]> entries) {
        return CountingJdbc.count(tally, () -> exchange.submitFeedback(p, request(entries)));
    }

    @Test
    void feedbackOnAHashSharedByHundredsOfItemsCostsTheSameFewStatementsAsOnOneItemAndRecordsTheLowestHundredIds() {
        PlatformRecord p = platform("Work feedback " + System.nanoTime());
        String single = randomPdq();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("image", PlatformFixtures.md5(), single, 90))), null);
        String shared = randomPdq();
        plantShared(shared);
        String near = PlatformFixtures.flip(shared, 1);
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("image", PlatformFixtures.md5(), near, 90))), null);
        // The platform's first exchange call reads its canaries into the instance's cache, once: not counted here.
        submit(p, new CountingJdbc.Tally(), List.<String[]>of(new String[] {randomPdq(), "Blocked"}));

        CountingJdbc.Tally one = new CountingJdbc.Tally();
        submit(p, one, List.<String[]>of(new String[] {single, "Blocked"}));

        List<String[]> entries = new ArrayList<>();
        int withOutcome = 1;
        for (int n = 0; n < ExchangeService.MAX_FEEDBACKS - 1; n++) {
            entries.add(new String[] {n % 2 == 0 ? shared : shared.toUpperCase(), n % 3 == 0 ? "NotBlocked" : "Unknown"});
            withOutcome += n % 3 == 0 ? 1 : 0;
        }
        entries.add(new String[] {shared, "Blocked"});
        CountingJdbc.Tally many = new CountingJdbc.Tally();
        ExchangeApi.FeedbackAnswer answer = submit(p, many, entries);
        assertThat(many.statements).as(many + " against " + one).isEqualTo(one.statements);
        assertThat(many.transactions).as(many + " against " + one).isEqualTo(1);
        assertThat(one.transactions).isEqualTo(1);
        assertThat(one.rowsWritten).isEqualTo(1);
        assertThat(many.rowsWritten).as("each item reached written once").isEqualTo(ExchangeService.MAX_CARRIERS);
        assertThat(answer.count()).isEqualTo(ExchangeService.MAX_FEEDBACKS);
        assertThat(answer.recorded()).as("entries with an outcome").isEqualTo(withOutcome);
        assertThat(answer.results().get(1).result()).isEqualTo("ignored");
        assertThat(answer.results().get(ExchangeService.MAX_FEEDBACKS - 1).result()).isEqualTo("recorded");

        Map<Long, Outcome> stored = outcomes(p.id());
        List<Long> carriers = itemIds(shared);
        for (long id : carriers.subList(0, ExchangeService.MAX_CARRIERS)) {
            assertThat(stored).as("the last entry's outcome on the lowest ids").containsEntry(id, Outcome.blocked);
        }
        for (long id : carriers.subList(ExchangeService.MAX_CARRIERS, carriers.size())) {
            assertThat(stored).as("items past the ones a match lists").doesNotContainKey(id);
        }
        for (long id : itemIds(near)) {
            assertThat(stored).as("a PDQ one bit away is another hash").doesNotContainKey(id);
        }
        assertThat(stored).hasSize(ExchangeService.MAX_CARRIERS + 1);

        CountingJdbc.Tally again = new CountingJdbc.Tally();
        submit(p, again, List.<String[]>of(new String[] {shared, "PendingReview"}));
        assertThat(again.statements).as("updating what is there costs the same").isEqualTo(one.statements);
        assertThat(outcomes(p.id()).values().stream().filter(o -> o == Outcome.pending_review).count())
                .isEqualTo(ExchangeService.MAX_CARRIERS);
    }

    @Test
    void anItemNamedByItsPdqAndItsMd5TakesTheLaterEntryRetiredItemsAreSkippedAndCanariesCountAsRecorded() {
        PlatformRecord p = platform("Work precedence " + System.nanoTime());
        PlatformFixtures.makeScheduledCanaries();
        String canary = QuarkusTransaction.requiringNew().call(() -> Canary.<Canary>find("platformId", p.id())
                .firstResult().pdq);
        String pdqA = randomPdq();
        String md5A = PlatformFixtures.md5();
        String pdqB = randomPdq();
        String md5B = PlatformFixtures.md5();
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("image", md5A, pdqA, 90),
                new CaseApi.Item("image", md5B, pdqB, 90))), null);
        String shared = randomPdq();
        List<CaseApi.Created> planted = plantShared(shared);
        List<Long> plantedIds = itemIds(shared);
        cases.withdraw(planted.get(0).caseNumber(), planted.get(0).caseKey());
        List<Long> stillActive = itemIds(shared);
        assertThat(stillActive).hasSize((CASES - 1) * ITEMS_PER_CASE);

        ExchangeApi.FeedbackAnswer answer = exchange.submitFeedback(p, request(List.of(
                new String[] {pdqA, "Blocked"}, new String[] {md5A, "NotBlocked"},
                new String[] {md5B, "NotBlocked"}, new String[] {pdqB, "PendingReview"},
                new String[] {shared, "Blocked"}, new String[] {canary, "Blocked"})));
        assertThat(answer.recorded()).isEqualTo(6);

        Map<Long, Outcome> stored = outcomes(p.id());
        assertThat(stored).containsEntry(itemIds(pdqA).get(0), Outcome.not_blocked)
                .containsEntry(itemIds(pdqB).get(0), Outcome.pending_review);
        assertThat(plantedIds.stream().filter(stored::containsKey).toList())
                .as("the withdrawn case's items get nothing; the lowest active ids get the outcome")
                .containsExactlyInAnyOrderElementsOf(stillActive.subList(0, ExchangeService.MAX_CARRIERS));
        assertThat(stored).hasSize(2 + ExchangeService.MAX_CARRIERS);
    }

    @Test
    void aBadEntryAfterHundredsOfGoodOnesIsRefusedBeforeAnyStatementAndChangesNothing() {
        PlatformRecord p = platform("Work refusal " + System.nanoTime());
        String shared = randomPdq();
        plantShared(shared);
        exchange.submitFeedback(p, request(List.<String[]>of(new String[] {shared, "NotBlocked"})));
        Map<Long, Outcome> before = outcomes(p.id());

        List<String[]> entries = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            entries.add(new String[] {shared, "Blocked"});
        }
        entries.add(new String[] {shared, "Maybe"});
        CountingJdbc.Tally tally = new CountingJdbc.Tally();
        assertThatThrownBy(() -> submit(p, tally, entries)).isInstanceOf(ApiProblemException.class)
                .hasMessageContaining("hashFeedbacks[500].feedbackValue");
        assertThat(tally.statements).isZero();
        assertThat(outcomes(p.id())).isEqualTo(before);
    }

    @Test
    void aFetchHashesRecordOfAHashSharedByHundredsOfItemsNamesAtMostTheCappedNumberOfThem() throws Exception {
        String key = newPlatformKey("Work fetch " + System.nanoTime());
        StopNciiClient client = new StopNciiClient(key, 800);
        sync.runNow();
        client.run();
        String shared = randomPdq();
        plantShared(shared);
        sync.runNow();
        JsonNode page = client.fetchHashes(client.checkpoint, "");
        int records = 0;
        for (JsonNode r : page.get("hashRecords")) {
            if (r.get("hashValue").textValue().equals(shared)) {
                records++;
                assertThat(r.get("hashStatus").textValue()).isEqualTo("Active");
                assertThat(r.get("caseNumbers").size()).isEqualTo(ExchangeService.MAX_CASE_NUMBERS);
            }
        }
        assertThat(records).as("one record for the hash, whatever the page size").isEqualTo(1);
        assertThat(page.get("count").intValue()).isEqualTo(page.get("hashRecords").size());
    }
}
