package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.flip;
import static org.takeitdown.portal.platform.PlatformFixtures.image;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.other;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;
import static org.takeitdown.portal.platform.PlatformFixtures.randomPdq;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;

/** Every row of the platform and admin API table, each error included (status, problem body, nothing changed). */
@Tag("database")
@QuarkusTest
class PlatformApiTest {
    @Inject
    SyncJob sync;

    private static void assertProblem(Response r, int status, String detail) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", containsString(detail));
    }

    private static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {
                Platform.count(), MatchFeedback.count(), CaseItem.count(),
                CaseItem.count("status <> org.takeitdown.portal.cases.CaseStatus.active")});
    }

    private void synced() throws Exception {
        sync.runNow();
    }

    /** Follows the feed from {@code after} to its end; every item seen, keyed by id (latest wins). */
    private Map<Long, Map<String, Object>> follow(String key, long after) {
        Map<Long, Map<String, Object>> seen = new HashMap<>();
        boolean more = true;
        long cursor = after;
        while (more) {
            Response r = platform(key).queryParam("after", cursor).queryParam("limit", 500).get("/api/platform/v1/hashes");
            r.then().statusCode(200).header("Cache-Control", "no-store");
            List<Map<String, Object>> items = r.path("items");
            for (Map<String, Object> i : items) {
                seen.put(((Number) i.get("id")).longValue(), i);
            }
            cursor = ((Number) r.path("next")).longValue();
            more = r.path("hasMore");
        }
        return seen;
    }

    private static long itemIdOf(String md5) {
        return QuarkusTransaction.requiringNew().call(() ->
                CaseItem.<CaseItem>find("md5", md5).firstResult().id);
    }

    @Test
    void adminCreatesListsRotatesAndRevokesPlatformKeys() {
        Response created = admin().contentType(ContentType.JSON).body("{\"name\":\"Example Social\"}")
                .post("/api/admin/platforms");
        created.then().statusCode(201).body("name", equalTo("Example Social")).body("apiKey", startsWith("tid_"));
        long id = ((Number) created.path("id")).longValue();
        String key = created.path("apiKey");
        platform(key).get("/api/platform/v1/hashes").then().statusCode(200);
        String stored = QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>findById(id).keyHmac);
        assertThat(stored).doesNotContain(key).hasSize(64);

        admin().get("/api/admin/platforms").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo("Example Social"))
                .body("find { it.id == " + id + " }.revoked", equalTo(false))
                .body("find { it.id == " + id + " }.createdOn", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}"));

        String rotated = admin().post("/api/admin/platforms/" + id + "/rotate").then().statusCode(200)
                .body("id", equalTo((int) id)).extract().path("apiKey");
        assertThat(rotated).isNotEqualTo(key);
        assertProblem(platform(key).get("/api/platform/v1/hashes"), 401, "not valid");
        platform(rotated).get("/api/platform/v1/hashes").then().statusCode(200);

        admin().delete("/api/admin/platforms/" + id).then().statusCode(204);
        assertProblem(platform(rotated).get("/api/platform/v1/hashes"), 401, "revoked");
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.revoked", equalTo(true));

        String hmac = QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>findById(id).keyHmac);
        assertProblem(admin().post("/api/admin/platforms/" + id + "/rotate"), 409, "stays revoked");
        admin().get("/api/admin/platforms").then().body("find { it.id == " + id + " }.revoked", equalTo(true));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>findById(id).keyHmac)).isEqualTo(hmac);
        assertProblem(platform(rotated).get("/api/platform/v1/hashes"), 401, "revoked");
    }

    @Test
    void adminRefusesWrongPasswordBadBodiesAndUnknownIdsChangingNothing() {
        long[] before = counts();
        Response wrong = given().auth().preemptive().basic("admin", "nope").contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}").post("/api/admin/platforms");
        assertProblem(wrong, 401, "Sign in");
        wrong.then().header("WWW-Authenticate", startsWith("Basic"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/admin/platforms"),
                401, "Sign in");
        assertProblem(given().auth().preemptive().basic("root", PlatformFixtures.ADMIN_PASSWORD)
                .get("/api/admin/platforms"), 401, "Sign in");
        assertProblem(admin().contentType(ContentType.JSON).body("{\"name\":\"\"}").post("/api/admin/platforms"),
                400, "name must be");
        assertProblem(admin().contentType(ContentType.JSON).body("{\"name\":\"" + "n".repeat(101) + "\"}")
                .post("/api/admin/platforms"), 400, "name must be");
        assertProblem(admin().contentType(ContentType.JSON).body("{\"name\":\"x\",\"extra\":1}")
                .post("/api/admin/platforms"), 400, "extra");
        assertProblem(admin().post("/api/admin/platforms/999999999/rotate"), 404, "no platform");
        assertProblem(admin().delete("/api/admin/platforms/999999999"), 404, "no platform");
        assertProblem(admin().contentType(ContentType.JSON).body("{\"reason\":\"false\"}")
                .post("/api/admin/items/999999999/remove"), 404, "no item");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void feedListsChangesInSeqOrderWithNextAndHasMoreAndWithdrawalsWithoutHashes() throws Exception {
        String key = newPlatformKey("Feed reader");
        synced();
        long start = ((Number) platform(key).queryParam("after", 0).queryParam("limit", 10000)
                .get("/api/platform/v1/hashes").path("next")).longValue();
        Map<Long, Map<String, Object>> beforeAll = follow(key, 0);
        long cursor = beforeAll.values().stream().mapToLong(i -> ((Number) i.get("seq")).longValue()).max().orElse(0);
        assertThat(cursor).isGreaterThanOrEqualTo(start);

        String pdq = randomPdq();
        String a = md5();
        String b = md5();
        String c = md5();
        String[] created = newCase(image(a.toUpperCase(), pdq.toUpperCase(), 90), other(b), other(c));
        synced();
        Response page = platform(key).queryParam("after", cursor).queryParam("limit", 2).get("/api/platform/v1/hashes");
        page.then().statusCode(200).body("items", hasSize(2)).body("hasMore", equalTo(true));
        List<Integer> seqs = page.path("items.seq");
        assertThat(seqs.get(0)).isLessThan(seqs.get(1));
        assertThat(((Number) page.path("next")).longValue()).isEqualTo(seqs.get(1).longValue());
        Map<Long, Map<String, Object>> seen = follow(key, cursor);
        Map<String, Object> first = seen.get(itemIdOf(a));
        assertThat(first).containsEntry("md5", a).containsEntry("pdq", pdq).containsEntry("pdqQuality", 90)
                .containsEntry("status", "active").containsEntry("kind", "image");
        assertThat((String) first.get("addedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        long itemB = itemIdOf(b);

        long afterAdd = seen.values().stream().mapToLong(i -> ((Number) i.get("seq")).longValue()).max().orElseThrow();
        given().header("X-Case-Key", created[1]).delete("/api/cases/" + created[0]).then().statusCode(204);
        synced();
        Map<Long, Map<String, Object>> withdrawn = follow(key, afterAdd);
        assertThat(withdrawn).hasSize(3).containsKey(itemB);
        assertThat(withdrawn.values()).allSatisfy(i -> {
            assertThat(i).containsEntry("status", "withdrawn").containsEntry("md5", null).containsEntry("pdq", null);
            assertThat(((Number) i.get("seq")).longValue()).isGreaterThan(afterAdd);
        });
        Response empty = platform(key).queryParam("after", Long.MAX_VALUE).get("/api/platform/v1/hashes");
        empty.then().statusCode(200).body("items", hasSize(0)).body("hasMore", equalTo(false))
                .body("next", equalTo(Long.MAX_VALUE));
    }

    @Test
    void feedRefusesBadParametersAndMissingWrongOrRevokedKeys() {
        String key = newPlatformKey("Strict");
        for (String[] bad : new String[][] {{"after", "-1"}, {"after", "abc"}, {"limit", "0"}, {"limit", "10001"},
                {"limit", "1.5"}, {"after", "99999999999999999999"}}) {
            assertProblem(platform(key).queryParam(bad[0], bad[1]).get("/api/platform/v1/hashes"), 400, bad[0] + " must be");
        }
        Response missing = given().get("/api/platform/v1/hashes");
        assertProblem(missing, 401, "Bearer");
        missing.then().header("WWW-Authenticate", "Bearer");
        assertProblem(platform("tid_wrong").get("/api/platform/v1/hashes"), 401, "not valid");
        assertProblem(given().header("Authorization", "Basic abc").get("/api/platform/v1/hashes/export"), 401, "Bearer");
        assertProblem(given().contentType(ContentType.JSON).body("{\"md5\":[]}").post("/api/platform/v1/match"), 401, "Bearer");
        assertProblem(given().contentType(ContentType.JSON).body("{\"id\":1,\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback"), 401, "Bearer");
    }

    @Test
    void exportHoldsActiveItemsAndFollowingFromItsSeqMissesNothing() throws Exception {
        String key = newPlatformKey("Exporter");
        String kept = md5();
        String gone = md5();
        String pdq = randomPdq();
        newCase(image(kept, pdq, 77));
        String[] withdrawn = newCase(other(gone));
        given().header("X-Case-Key", withdrawn[1]).delete("/api/cases/" + withdrawn[0]).then().statusCode(204);
        synced();

        Response nd = platform(key).get("/api/platform/v1/hashes/export");
        nd.then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        long consistent = Long.parseLong(nd.header("X-Consistent-Seq"));
        List<String> lines = nd.asString().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("\"md5\":\"" + kept + "\"") && l.contains("\"pdq\":\"" + pdq + "\"")
                && l.contains("\"pdqQuality\":77") && l.contains("\"status\":\"active\""));
        assertThat(lines).noneMatch(l -> l.contains(gone)).allMatch(l -> l.contains("\"status\":\"active\""));
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            assertThat(n.get("seq").asLong()).isLessThanOrEqualTo(consistent);
        }

        Response csv = platform(key).accept("text/csv").get("/api/platform/v1/hashes/export");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        List<String> rows = csv.asString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("id,seq,kind,md5,pdq,pdqQuality,status,addedOn,vpdqFrames");
        assertThat(rows).anyMatch(r -> r.contains("," + kept + "," + pdq + ",77,active,"));
        assertThat(rows).hasSize(lines.size() + 1);

        String later = md5();
        newCase(other(later));
        synced();
        assertThat(follow(key, consistent).values()).anyMatch(i -> later.equals(i.get("md5")));
    }

    @Test
    void everyNdjsonExportLineIsTheFeedsJsonOfTheSameItemByteForByte() throws Exception {
        String key = newPlatformKey("Export shape");
        newCase(image(md5(), randomPdq(), 88), other(md5()));
        PlatformFixtures.makeScheduledCanaries();
        synced();
        List<String> lines = platform(key).get("/api/platform/v1/hashes/export").asString().lines().toList();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<Long, String> feed = new HashMap<>();
        boolean more = true;
        long cursor = 0;
        while (more) {
            String page = platform(key).queryParam("after", cursor).queryParam("limit", 1000)
                    .get("/api/platform/v1/hashes").then().statusCode(200).extract().asString();
            com.fasterxml.jackson.databind.JsonNode p = json.readTree(page);
            for (com.fasterxml.jackson.databind.JsonNode i : p.get("items")) {
                feed.put(i.get("id").asLong(), json.writeValueAsString(i));
            }
            cursor = p.get("next").asLong();
            more = p.get("hasMore").asBoolean();
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2 + CanaryService.PER_PLATFORM)
                .anyMatch(l -> l.contains("\"pdq\":null")).anyMatch(l -> l.contains("\"pdqQuality\":88"));
        for (String line : lines) {
            assertThat(line).isEqualTo(feed.get(json.readTree(line).get("id").asLong()));
        }
    }

    @Test
    void matchFindsMd5AndPdqWithinDistanceInQueryOrderActiveAndGoodQualityOnly() throws Exception {
        String key = newPlatformKey("Matcher");
        String pdq = randomPdq();
        String near = flip(pdq, 10);
        String far = flip(pdq, 50);
        String low = randomPdq();
        String m1 = md5();
        String m2 = md5();
        String m3 = md5();
        newCase(image(m1, pdq, 100), image(m2, low, 49));
        String[] toWithdraw = newCase(image(m3, far, 100));
        synced();
        long id1 = itemIdOf(m1);
        long id3 = itemIdOf(m3);

        Response r = platform(key).contentType(ContentType.JSON)
                .body("{\"pdq\":[\"" + near.toUpperCase() + "\",\"" + low + "\"],\"md5\":[\"" + m1.toUpperCase()
                        + "\",\"" + md5() + "\"],\"maxDistance\":31}")
                .post("/api/platform/v1/match");
        r.then().statusCode(200).body("results", hasSize(4))
                .body("results[0].query", equalTo(m1)).body("results[0].matches[0].id", equalTo((int) id1))
                .body("results[0].matches[0].distance", equalTo(0))
                .body("results[1].matches", hasSize(0))
                .body("results[2].query", equalTo(near)).body("results[2].matches", hasSize(1))
                .body("results[2].matches[0].id", equalTo((int) id1)).body("results[2].matches[0].distance", equalTo(10))
                .body("results[3].matches", hasSize(0)).body("results[3].truncated", equalTo(false));

        platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + pdq + "\"],\"maxDistance\":64}")
                .post("/api/platform/v1/match").then().statusCode(200)
                .body("results[0].matches.id", org.hamcrest.Matchers.hasItems((int) id1, (int) id3))
                .body("results[0].matches[0].distance", equalTo(0));
        given().header("X-Case-Key", toWithdraw[1]).delete("/api/cases/" + toWithdraw[0]).then().statusCode(204);
        synced();
        platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + far + "\"],\"md5\":[\"" + m3 + "\"],\"maxDistance\":0}")
                .post("/api/platform/v1/match").then().statusCode(200)
                .body("results[0].matches", hasSize(0)).body("results[1].matches", hasSize(0));
    }

    @Test
    void matchCapsEachQueryAt100MatchesAndSaysSo() throws Exception {
        String key = newPlatformKey("Many");
        String pdq = randomPdq();
        newCase(PlatformFixtures.many(100, i -> image(md5(), flip(pdq, i % 20), 90)).toArray(String[]::new));
        newCase(image(md5(), pdq, 90), image(md5(), pdq, 90));
        synced();
        platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + pdq + "\"]}")
                .post("/api/platform/v1/match").then().statusCode(200)
                .body("results[0].matches", hasSize(100)).body("results[0].truncated", equalTo(true))
                .body("results[0].matches[0].distance", equalTo(0)).body("results[0].matches[99].distance", equalTo(19));
    }

    @Test
    void matchRefusesMalformedHexTooManyQueriesAndBadDistance() {
        String key = newPlatformKey("Picky");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"md5\":[\"abc\"]}")
                .post("/api/platform/v1/match"), 400, "md5[0] must be exactly 32 hex digits");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + "g".repeat(64) + "\"]}")
                .post("/api/platform/v1/match"), 400, "pdq[0] must be exactly 64 hex digits");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + randomPdq() + "\"],\"maxDistance\":65}")
                .post("/api/platform/v1/match"), 400, "maxDistance");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{}").post("/api/platform/v1/match"), 400, "at least one");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("\"" + md5() + "\"");
        }
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"md5\":[" + String.join(",", tooMany) + "]}")
                .post("/api/platform/v1/match"), 400, "At most 1000");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"md5\":[],\"x\":1}")
                .post("/api/platform/v1/match"), 400, "x");
    }

    @Test
    void feedbackReplacesEarlierFeedbackAndShowsOnlyAsAggregateOnTheCase() throws Exception {
        String k1 = newPlatformKey("P1");
        String k2 = newPlatformKey("P2");
        String m = md5();
        String[] c = newCase(other(m));
        long id = itemIdOf(m);
        platform(k1).contentType(ContentType.JSON).body("{\"id\":" + id + ",\"outcome\":\"pending_review\"}")
                .post("/api/platform/v1/feedback").then().statusCode(204);
        platform(k2).contentType(ContentType.JSON).body("{\"id\":" + id + ",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback").then().statusCode(204);
        given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200)
                .body("matchReports.pendingReview", equalTo(1)).body("matchReports.blocked", equalTo(1));
        platform(k1).contentType(ContentType.JSON).body("{\"id\":" + id + ",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback").then().statusCode(204);
        given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200)
                .body("matchReports.pendingReview", equalTo(0)).body("matchReports.blocked", equalTo(2))
                .body("matchReports.notBlocked", equalTo(0)).body(org.hamcrest.Matchers.not(containsString("P1")));
    }

    @Test
    void feedbackRefusesUnknownItemsAndBadOutcomesChangingNothing() {
        String key = newPlatformKey("Careful");
        String m = md5();
        newCase(other(m));
        long id = itemIdOf(m);
        long[] before = counts();
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"id\":999999999,\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback"), 404, "no item");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"id\":" + id + ",\"outcome\":\"gone\"}")
                .post("/api/platform/v1/feedback"), 400, "outcome must be");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback"), 400, "id");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"id\":\"x\",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback"), 400, "id");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void feedbackOnWithdrawnOrRemovedItemsIs409AndNotShownToTheCase() {
        String key = newPlatformKey("Late");
        String withdrawnMd5 = md5();
        String[] c = newCase(other(withdrawnMd5));
        long withdrawnId = itemIdOf(withdrawnMd5);
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
        String removedMd5 = md5();
        newCase(other(removedMd5));
        long removedId = itemIdOf(removedMd5);
        admin().contentType(ContentType.JSON).body("{\"reason\":\"false submission\"}")
                .post("/api/admin/items/" + removedId + "/remove").then().statusCode(204);
        long[] before = counts();
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"id\":" + withdrawnId + ",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback"), 409, "Item " + withdrawnId + " was withdrawn");
        assertProblem(platform(key).contentType(ContentType.JSON).body("{\"id\":" + removedId + ",\"outcome\":\"not_blocked\"}")
                .post("/api/platform/v1/feedback"), 409, "Item " + removedId + " was removed");
        assertThat(counts()).containsExactly(before);
        given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200)
                .body("matchReports.blocked", equalTo(0));
    }

    @Test
    void threeNotBlockedReportsFlagAnItemAndAdminRemovalTakesItOutOfTheIndexIntoTheFeed() throws Exception {
        String m = md5();
        String pdq = randomPdq();
        newCase(image(m, pdq, 95));
        synced();
        long id = itemIdOf(m);
        for (int i = 0; i < 3; i++) {
            platform(newPlatformKey("Reviewer " + i)).contentType(ContentType.JSON)
                    .body("{\"id\":" + id + ",\"outcome\":\"not_blocked\"}").post("/api/platform/v1/feedback")
                    .then().statusCode(204);
        }
        FeedbackService feedback = io.quarkus.arc.Arc.container().instance(FeedbackService.class).get();
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).contains(id);

        String key = newPlatformKey("Watcher");
        assertProblem(admin().contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/admin/items/" + id + "/remove"), 400, "reason");
        admin().contentType(ContentType.JSON).body("{\"reason\":\"false submission\"}")
                .post("/api/admin/items/" + id + "/remove").then().statusCode(204);
        synced();
        assertThat(feedback.flagged(Integer.MAX_VALUE).shown()).doesNotContain(id);
        platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + pdq + "\"],\"md5\":[\"" + m + "\"]}")
                .post("/api/platform/v1/match").then().statusCode(200)
                .body("results[0].matches", hasSize(0)).body("results[1].matches", hasSize(0));
        Map<String, Object> removed = follow(key, 0).get(id);
        assertThat(removed).containsEntry("status", "removed").containsEntry("md5", null).containsEntry("pdq", null);
    }
}
