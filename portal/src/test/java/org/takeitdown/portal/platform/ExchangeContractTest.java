package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ExchangeHash;

/**
 * The StopNCII-compatible exchange against python-threatexchange's requests ({@link StopNciiClient}): a first
 * run from 10, pages with tokens, incremental runs from the stored checkpoint while other writers commit and
 * across a client restart, and feedback; no change missed or repeated, every record as the client demands.
 */
@Tag("database")
@QuarkusTest
class ExchangeContractTest {
    @Inject
    CaseService cases;

    @Inject
    SyncJob sync;

    @Inject
    FeedStore feedStore;

    /** A tracked item this test made: its exchange key (signalType:hash) and whether it ended withdrawn. */
    private record Made(String key, boolean withdrawn) {
    }

    private static CaseApi.Item randomItem(List<String> keys) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String md5 = String.format("%016x%016x", r.nextLong(), r.nextLong());
        return switch (r.nextInt(4)) {
            case 0 -> {
                String pdq = randomPdq();
                keys.add("ImagePDQ:" + pdq);
                yield new CaseApi.Item("image", md5, pdq, 80);
            }
            case 1 -> {
                keys.add("VideoMD5:" + md5);
                yield new CaseApi.Item("video", md5, null, null);
            }
            case 2 -> new CaseApi.Item("image", md5, randomPdq(), 20);
            default -> new CaseApi.Item("other", md5, null, null);
        };
    }

    /** What a client that followed every change should hold: active items' exchange hashes and the platform's canaries. */
    private static Set<String> truth(long platformId) {
        Set<String> out = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (CaseItem i : CaseItem.<CaseItem>list("status", CaseStatus.active)) {
                ExchangeHash h = ExchangeHash.of(i.kind, i.md5, i.pdq, i.pdqQuality == null ? null : i.pdqQuality.intValue());
                if (h != null) {
                    out.add(h.signalType() + ":" + h.value());
                }
            }
            for (Canary c : Canary.<Canary>list("platformId", platformId)) {
                out.add("ImagePDQ:" + c.pdq);
            }
        });
        return out;
    }

    private static long platformId(String name) {
        return QuarkusTransaction.requiringNew().call(() ->
                Platform.<Platform>find("name", name).firstResult().id);
    }

    @Test
    void runsFromTheStoredCheckpointWhileOthersWriteMissAndRepeatNothingAcrossAClientRestart() throws Exception {
        String key = newPlatformKey("Exchange follower");
        long platformId = platformId("Exchange follower");
        StopNciiClient client = new StopNciiClient(key, 7);
        sync.runNow();
        client.run();
        assertThat(client.requests.get(0)).isEqualTo(Map.of("startTimestamp", "10", "pageSize", "7"));
        if (client.requests.size() > 1) {
            assertThat(client.requests.get(1)).containsEntry("startTimestamp", "10").containsKey("nextPageToken");
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Made> made = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            writers.add(pool.submit(() -> {
                for (int n = 0; n < 25; n++) {
                    List<String> keys = new ArrayList<>();
                    List<CaseApi.Item> items = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        items.add(randomItem(keys));
                    }
                    CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(items), null);
                    if (n == 12) {
                        PlatformFixtures.makeScheduledCanaries();
                    }
                    boolean withdraw = ThreadLocalRandom.current().nextInt(3) == 0;
                    if (withdraw) {
                        cases.withdraw(c.caseNumber(), c.caseKey());
                    }
                    keys.forEach(k -> made.add(new Made(k, withdraw)));
                }
                return null;
            }));
        }
        Path saved = Files.createTempFile("stopncii-checkpoint", ".json");
        int runs = 0;
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            client.run();
            runs++;
            if (runs % 3 == 0) {
                client.save(saved);
                client = StopNciiClient.load(saved, key, 7);
            }
        }
        for (Future<?> w : writers) {
            w.get();
        }
        writing.set(false);
        pool.shutdown();
        assertThat(errors).isEmpty();
        sync.runNow();
        client.save(saved);
        client = StopNciiClient.load(saved, key, 7);
        client.run();
        Files.delete(saved);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Canary.count("platformId", platformId)))
                .as("canaries made while the client followed").isEqualTo(CanaryService.PER_PLATFORM);
        assertThat(client.state.keySet()).as("the client ends with the list").isEqualTo(truth(platformId));
        List<String> received = client.received;
        for (Made m : made) {
            List<String> mine = received.stream().filter(r -> r.startsWith(m.key() + ":")).toList();
            assertThat(mine).as("each change of " + m.key() + " once").doesNotHaveDuplicates();
            if (m.withdrawn()) {
                assertThat(client.state).doesNotContainKey(m.key());
                if (mine.contains(m.key() + ":Withdrawn")) {
                    assertThat(mine.get(0)).as("withdrawn sent only to a client that received the hash")
                            .isEqualTo(m.key() + ":Active");
                }
            } else {
                assertThat(mine).containsExactly(m.key() + ":Active");
            }
        }
        System.out.printf("Exchange: %d runs, %d records, %d tracked hashes%n", runs, received.size(), made.size());
    }

    @Test
    void aWithdrawnHashGoesOnlyToClientsThatReceivedItAndOtherItemsMoveTheCursorSilently() {
        String key = newPlatformKey("Exchange withdrawals");
        runNow();
        StopNciiClient client = new StopNciiClient(key, 50);
        String seen = randomPdq();
        String unseen = randomPdq();
        String[] seenCase = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), seen, 90));
        runNow();
        client.run();
        assertThat(client.state).containsEntry("ImagePDQ:" + seen, "Active");

        long before = client.checkpoint;
        PlatformFixtures.newCase(PlatformFixtures.other(PlatformFixtures.md5()));
        runNow();
        int records = client.received.size();
        client.run();
        assertThat(client.received).as("an item of no exchange type sends nothing").hasSize(records);
        assertThat(client.checkpoint).as("but moves the checkpoint past it").isGreaterThan(before);

        String[] unseenCase = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), unseen, 90));
        withdraw(unseenCase);
        withdraw(seenCase);
        runNow();
        client.run();
        assertThat(client.received).contains("ImagePDQ:" + seen + ":Withdrawn");
        assertThat(client.received).noneMatch(r -> r.contains(unseen));
        assertThat(client.state).doesNotContainKey("ImagePDQ:" + seen);

        StopNciiClient fresh = new StopNciiClient(key, 800);
        fresh.run();
        assertThat(fresh.received).as("a client starting now never learns withdrawn hashes")
                .noneMatch(r -> r.contains(unseen) || r.contains(seen));
    }

    @Test
    void aClientThatSkipsPastTheFeedDoesNotLearnTheHashOfAnItemNumberedAndWithdrawnAfterwards() {
        String key = newPlatformKey("Exchange cursor past the feed");
        runNow();
        StopNciiClient client = new StopNciiClient(key, 800);
        client.run();
        JsonNode farStart = client.fetchHashes(ExchangeCursor.MAX_TIMESTAMP - 1, "");
        assertThat(farStart.get("count").intValue()).isZero();
        long numbered = QuarkusTransaction.requiringNew().call(() -> feedStore.consistentSeq());
        JsonNode madeUpToken = client.fetchHashes(10, ExchangeCursor.token(numbered + 1_000_000));
        assertThat(madeUpToken.get("count").intValue()).isZero();

        String later = randomPdq();
        String[] laterCase = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), later, 90));
        runNow();
        long laterNumbered = QuarkusTransaction.requiringNew().call(() -> feedStore.consistentSeq());
        withdraw(laterCase);
        runNow();
        // A run starting just past the item's first number: where a client that received it learns the withdrawal.
        JsonNode pastIt = client.fetchHashes(ExchangeCursor.timestamp(laterNumbered), "");
        assertThat(pastIt.toString()).as("an item first numbered after every page the client was sent")
                .doesNotContain(later);
    }

    @Test
    void aHashStaysActiveWhileAnyActiveItemCarriesItAndCaseNumbersAreItemIds() throws Exception {
        String key = newPlatformKey("Exchange shared hash");
        StopNciiClient client = new StopNciiClient(key, 800);
        client.run();
        String pdq = randomPdq();
        String[] a = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), pdq, 90));
        String[] b = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), pdq, 90));
        runNow();
        client.run();
        withdraw(a);
        runNow();
        long start = client.checkpoint;
        JsonNode page = client.fetchHashes(start, "");
        JsonNode rec = recordFor(page, pdq);
        assertThat(rec.get("hashStatus").textValue()).isEqualTo("Active");
        assertThat(rec.get("caseNumbers").size()).isEqualTo(2);
        assertThat(rec.get("caseNumbers").toString()).contains("\"Active\"").contains("\"Withdrawn\"")
                .doesNotContain(a[0]).doesNotContain(b[0]);
        withdraw(b);
        runNow();
        client.run();
        client.run();
        assertThat(client.state).doesNotContainKey("ImagePDQ:" + pdq);
    }

    private static JsonNode recordFor(JsonNode page, String hash) {
        for (JsonNode r : page.get("hashRecords")) {
            if (r.get("hashValue").textValue().equals(hash)) {
                return r;
            }
        }
        throw new AssertionError("no record for " + hash + " in " + page);
    }

    @Test
    void feedbackByHashLandsInThePlatformsOutcomesWithAJsonAnswerAndABadOneChangesNothing() {
        String key = newPlatformKey("Exchange feedback");
        StopNciiClient client = new StopNciiClient(key, 800);
        String pdq = randomPdq();
        String video = PlatformFixtures.md5();
        String[] c = PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), pdq, 90),
                "{\"kind\":\"video\",\"md5\":\"" + video + "\",\"pdq\":null,\"pdqQuality\":null}");
        runNow();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(pdq, "Blocked");
        bad.put("not-hex", "Blocked");
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key).contentType("application/json")
                .body("{\"count\":2,\"hashFeedbacks\":[{\"hashValue\":\"" + pdq + "\",\"feedbackValue\":\"Blocked\","
                        + "\"tags\":[]},{\"hashValue\":\"xyz\",\"feedbackValue\":\"Blocked\",\"tags\":[]}]}")
                .post("/api/stopncii/v1/SubmitFeedback").then().statusCode(400)
                .body("detail", containsString("hashFeedbacks[1].hashValue"));
        assertThat(reports(c).blocked()).as("a refused request records nothing").isZero();

        Map<String, String> feedback = new LinkedHashMap<>();
        feedback.put(pdq.toUpperCase(), "Blocked");
        feedback.put(video, "NotBlocked");
        feedback.put(randomPdq(), "Blocked");
        JsonNode answer = client.submitFeedback(feedback);
        assertThat(answer.get("count").intValue()).isEqualTo(3);
        assertThat(answer.get("recorded").intValue()).isEqualTo(2);
        assertThat(answer.get("results").get(2).get("result").textValue()).isEqualTo("unknown");
        CaseApi.MatchReports r = reports(c);
        assertThat(r.blocked()).isEqualTo(1);
        assertThat(r.notBlocked()).isEqualTo(1);
    }

    @Test
    void requestsWithoutBothKeysOrWithBadCursorsAreRefusedWithProblemJson() {
        String key = newPlatformKey("Exchange refusals");
        given().get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("x-functions-key"));
        given().header("x-functions-key", key).get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800")
                .then().statusCode(401).body("detail", containsString("Ocp-Apim-Subscription-Key"));
        given().header("x-functions-key", "tid_wrong").header("Ocp-Apim-Subscription-Key", "x")
                .get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800").then().statusCode(401);
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .get("/api/stopncii/v1/FetchHashes?startTimestamp=ten&pageSize=800").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("startTimestamp"));
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800&nextPageToken=forged").then()
                .statusCode(400).body("detail", containsString("nextPageToken"));
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .get("/api/stopncii/v1/FetchHashes?startTimestamp=250000000001&pageSize=800").then().statusCode(400);
    }

    private static CaseApi.MatchReports reports(String[] c) {
        return given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200).extract()
                .jsonPath().getObject("matchReports", CaseApi.MatchReports.class);
    }

    private static void withdraw(String[] c) {
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
    }

    private void runNow() {
        sync.runNow();
    }
}
