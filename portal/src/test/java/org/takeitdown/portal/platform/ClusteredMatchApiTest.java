package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.takeitdown.portal.platform.PlatformFixtures.image;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;

/**
 * Planted clusters (thousands of near-identical PDQ hashes and video frames, loaded through the
 * anonymous case API as a teenager's browser would, in cases of at most 100 items) cannot make one
 * maximal match request examine more than the configured budget; past it the answer holds the
 * nearest matches found, says truncated, and other queries of the same request still find theirs.
 * Work is asserted as counts of hashes examined (the portal_match_examined counter), not as time.
 */
@Tag("database")
@QuarkusTest
class ClusteredMatchApiTest {
    private static final Random RANDOM = new Random(31);

    @Inject
    PlatformConfig config;

    @Inject
    SyncJob sync;

    /** A realistic PDQ hash: 256 bits of which exactly 128 are set, at random places. */
    private static long[] balanced() {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            bits.add(i);
        }
        Collections.shuffle(bits, RANDOM);
        long[] h = new long[4];
        for (int i = 0; i < 128; i++) {
            h[bits.get(i) >>> 6] |= 1L << (bits.get(i) & 63);
        }
        return h;
    }

    /** {@code h} with 1 to 8 random set bits cleared (a PDQ sets at most 128 bits, so none are added). */
    private static long[] near(long[] h) {
        long[] out = h.clone();
        int n = 1 + RANDOM.nextInt(8);
        for (int i = 0; i < n; i++) {
            int b = RANDOM.nextInt(256);
            out[b >>> 6] &= ~(1L << (b & 63));
        }
        return out;
    }

    /** Stores {@code cases} cases of {@code perCase} images, each within 8 bits of {@code center}. */
    private static void storeCluster(long[] center, int cases, int perCase) {
        for (int c = 0; c < cases; c++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < perCase; i++) {
                items.add(image(md5(), hex(near(center)), 90));
            }
            newCase(items.toArray(String[]::new));
        }
    }

    private static String hex(long[] h) {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", h[0], h[1], h[2], h[3]);
    }

    private static String frames(long[] center, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"t\":").append(i).append(",\"pdq\":\"").append(hex(near(center)))
                    .append("\",\"q\":90}");
        }
        return b.append(']').toString();
    }

    private static double examined() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^portal_match_examined_total(\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    private static Response match(String key, String body) {
        return platform(key).contentType(ContentType.JSON).body(body).post("/api/platform/v1/match");
    }

    private static long itemId(String md5) {
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", md5).firstResult().id);
    }

    @Test
    void aMaximalRequestOverFiveThousandNearIdenticalHashesStaysWithinTheBudgetAndStillFindsOtherMatches()
            throws Exception {
        String key = newPlatformKey("Clustered PDQ");
        long[] center = balanced();
        storeCluster(center, 50, 100);
        long[] elsewhere = balanced();
        String elsewhereMd5 = md5();
        newCase(image(elsewhereMd5, hex(elsewhere), 90));
        sync.runNow();
        long elsewhereId = itemId(elsewhereMd5);

        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            queries.add("\"" + hex(near(center)) + "\"");
        }
        queries.add("\"" + hex(elsewhere) + "\"");
        for (int distance : new int[] {31, 64}) {
            double before = examined();
            Response r = match(key, "{\"pdq\":[" + String.join(",", queries) + "],\"maxDistance\":" + distance + "}");
            double work = examined() - before;

            // At 31 the probes meet some 70 M cluster candidates; at 64 a scan of the 5,001 hashes per query fits,
            // but each cluster query then has over 100 matches, so the whole answer is truncated either way.
            r.then().statusCode(200).body("truncated", equalTo(true));
            assertThat(work).as("hashes examined at distance %d", distance).isPositive()
                    .isLessThanOrEqualTo(config.matchBudget());
            List<Integer> first = r.path("results[0].matches.distance");
            assertThat(first).isNotEmpty().isSorted().allMatch(d -> d <= distance);
            assertThat(r.<Boolean>path("results[0].truncated")).as("cut by the budget or by the 100-match limit").isTrue();
            assertThat(r.<Integer>path("results[999].matches[0].id")).isEqualTo((int) elsewhereId);
            assertThat(r.<Integer>path("results[999].matches[0].distance")).isZero();
        }

        double before = examined();
        match(key, "{\"pdq\":[\"" + hex(elsewhere) + "\"]}").then().statusCode(200).body("truncated", equalTo(false))
                .body("results[0].matches[0].id", equalTo((int) elsewhereId));
        assertThat(examined() - before).isLessThan(1000);
    }

    @Test
    void oneQueryWithMoreThanAHundredNearMatchesMakesTheWholeAnswerTruncatedThoughTheBudgetLasted() {
        String key = newPlatformKey("Over a hundred near");
        long[] center = balanced();
        storeCluster(center, 2, 75);
        sync.runNow();

        double before = examined();
        Response r = match(key, "{\"pdq\":[\"" + hex(center) + "\"],\"maxDistance\":31}");
        double work = examined() - before;

        r.then().statusCode(200).body("results[0].matches.size()", equalTo(100))
                .body("results[0].truncated", equalTo(true)).body("truncated", equalTo(true));
        assertThat(work).as("the budget lasted: only the 100-match cap cut the answer")
                .isLessThan(config.matchBudget());
    }

    @Test
    void aMaximalVideoRequestOverTwentyThousandNearIdenticalFramesStaysWithinTheBudget() throws Exception {
        String key = newPlatformKey("Clustered frames");
        long[] center = balanced();
        List<String> md5s = new ArrayList<>();
        for (int v = 0; v < 6; v++) {
            String md5 = md5();
            md5s.add(md5);
            given().contentType(ContentType.JSON)
                    .body("{\"items\":[{\"kind\":\"video\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null,"
                            + "\"vpdq\":" + frames(center, 3500) + "}]}")
                    .post("/api/cases").then().statusCode(201);
        }
        sync.runNow();

        double before = examined();
        Response one = match(key, "{\"vpdq\":[" + frames(center, 1) + "]}");
        double oneWork = examined() - before;
        // The one query frame has 21,000 near frames, more than the 1,000 a look-up reads: the video result says
        // truncated though the budget lasted, and so does the whole answer.
        one.then().statusCode(200).body("videos[0].matches.size()", equalTo(6))
                .body("videos[0].truncated", equalTo(true)).body("truncated", equalTo(true));
        assertThat(oneWork).isLessThanOrEqualTo(config.matchBudget());

        before = examined();
        Response three = match(key, "{\"vpdq\":[" + frames(center, 3000) + "," + frames(center, 3000) + ","
                + frames(center, 3000) + "]}");
        double work = examined() - before;
        three.then().statusCode(200).body("truncated", equalTo(true)).body("videos.size()", equalTo(3));
        assertThat(work).isPositive().isLessThanOrEqualTo(config.matchBudget());
        List<Long> ids = md5s.stream().map(ClusteredMatchApiTest::itemId).toList();
        List<Number> found = three.path("videos[0].matches.id");
        assertThat(found).isNotEmpty();
        assertThat(found.stream().map(Number::longValue).toList()).isSubsetOf(ids);
    }
}
