package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.impact.ImpactService;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.DegenerateHashes;

/** Leak tracing: each list platform's canaries reach it alone, look and match like items for it, and name it in a leak. */
@Tag("database")
@QuarkusTest
class CanaryTest {
    @Inject
    ImpactService impact;

    private String keyA;
    private String keyB;
    private long idA;
    private long idB;

    @BeforeEach
    void twoPlatforms() throws Exception {
        String a = "Canary A " + System.nanoTime();
        String b = "Canary B " + System.nanoTime();
        keyA = newPlatformKey(a);
        keyB = newPlatformKey(b);
        PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), PlatformFixtures.randomPdq(), 90));
        PlatformFixtures.makeScheduledCanaries();
        idA = id(a);
        idB = id(b);
    }

    private static long id(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Platform.<Platform>find("name", name).firstResult().id);
    }

    private static List<Canary> canaries(long platformId) {
        return QuarkusTransaction.requiringNew().call(() -> Canary.<Canary>list("platformId", platformId));
    }

    private static Set<Long> feedIds(String key) {
        Set<Long> ids = new java.util.HashSet<>();
        long after = 0;
        boolean more = true;
        while (more) {
            var page = platform(key).get("/api/platform/v1/hashes?limit=10000&after=" + after).then().statusCode(200)
                    .extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            after = page.getLong("next");
            more = page.getBoolean("hasMore");
        }
        return ids;
    }

    private static String export(String key) {
        return platform(key).get("/api/platform/v1/hashes/export").then().statusCode(200).extract().asString();
    }

    private static String exchange(String key) {
        StringBuilder all = new StringBuilder();
        StopNciiClient c = new StopNciiClient(key, 10_000);
        c.run();
        c.received.forEach(r -> all.append(r).append('\n'));
        return all.toString();
    }

    @Test
    void canariesAreGeneratedImagesFarFromEveryHashWithIdsAndSeqsFromTheItemSequences() {
        List<Canary> a = canaries(idA);
        List<Canary> b = canaries(idB);
        assertThat(a).hasSize(CanaryService.PER_PLATFORM);
        assertThat(b).hasSize(CanaryService.PER_PLATFORM);
        List<Canary> all = new ArrayList<>(a);
        all.addAll(b);
        List<String> realPdqs = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>list("status = ?1 and pdq is not null",
                CaseStatus.active).stream().map(i -> i.pdq).toList());
        for (Canary c : all) {
            assertThat(c.pdqQuality).isGreaterThanOrEqualTo((short) 50);
            assertThat(DegenerateHashes.pdqRefusal(c.pdq)).isNull();
            assertThat(c.seq).as("sequenced like an item").isNotNull();
            PdqHash h = PdqHash.fromHex(c.pdq);
            int bits = new java.math.BigInteger(c.pdq, 16).bitCount();
            assertThat(bits).as("set bits of a real image's PDQ").isBetween(90, 128);
            for (Canary o : all) {
                if (o != c) {
                    assertThat(h.distance(PdqHash.fromHex(o.pdq))).isGreaterThanOrEqualTo(CanaryService.MIN_DISTANCE);
                }
            }
            for (String real : realPdqs) {
                assertThat(h.distance(PdqHash.fromHex(real))).as("far from every real hash")
                        .isGreaterThanOrEqualTo(CanaryService.MIN_DISTANCE);
            }
            long id = c.id;
            long seq = c.seq;
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat((Object) CaseItem.findById(id)).as("no item has a canary's id").isNull();
                assertThat(CaseItem.count("seq", seq)).as("no item has a canary's seq").isZero();
            });
        }
    }

    @Test
    void aPlatformsCanariesAppearInItsFeedExportAndExchangeAndInNoOtherPlatforms() {
        List<Canary> a = canaries(idA);
        Set<Long> feedA = feedIds(keyA);
        Set<Long> feedB = feedIds(keyB);
        String exportA = export(keyA);
        String exportB = export(keyB);
        String exchangeA = exchange(keyA);
        String exchangeB = exchange(keyB);
        for (Canary c : a) {
            assertThat(feedA).contains(c.id);
            assertThat(feedB).doesNotContain(c.id);
            assertThat(exportA).contains("\"id\":" + c.id + ",").contains(c.pdq);
            assertThat(exportB).doesNotContain(c.pdq);
            assertThat(exchangeA).contains("ImagePDQ:" + c.pdq + ":Active");
            assertThat(exchangeB).doesNotContain(c.pdq);
        }
        String csv = platform(keyA).accept("text/csv").get("/api/platform/v1/hashes/export").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("," + a.get(0).pdq + ",");
    }

    @Test
    void aPlatformsCanariesMatchItsOwnQueriesAndTakeItsFeedbackButNotAnotherPlatforms() {
        Canary c = canaries(idA).get(0);
        String query = "{\"md5\":[\"" + c.md5 + "\"],\"pdq\":[\"" + PlatformFixtures.flip(c.pdq, 3) + "\"]}";
        var own = platform(keyA).contentType(ContentType.JSON).body(query).post("/api/platform/v1/match").then()
                .statusCode(200).extract().jsonPath();
        assertThat(own.getList("results[0].matches.id", Long.class)).containsExactly(c.id);
        assertThat(own.getList("results[1].matches.id", Long.class)).containsExactly(c.id);
        assertThat(own.getList("results[1].matches.distance", Integer.class)).containsExactly(3);
        var other = platform(keyB).contentType(ContentType.JSON).body(query).post("/api/platform/v1/match").then()
                .statusCode(200).extract().jsonPath();
        assertThat(other.getList("results[0].matches")).isEmpty();
        assertThat(other.getList("results[1].matches")).isEmpty();
        platform(keyA).contentType(ContentType.JSON).body("{\"id\":" + c.id + ",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback").then().statusCode(204);
        platform(keyB).contentType(ContentType.JSON).body("{\"id\":" + c.id + ",\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback").then().statusCode(404);
    }

    @Test
    void aLeakedListNamesThePlatformWhoseCanariesItHolds() {
        String leaked = export(keyA);
        var found = admin().contentType("text/plain").body(leaked).post("/api/admin/leaks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(found.getList("platformId", Long.class)).containsExactly(idA);
        assertThat(found.getInt("[0].canariesFound")).isEqualTo(CanaryService.PER_PLATFORM);

        String oneHash = canaries(idB).get(1).pdq;
        assertThat(admin().contentType("text/plain").body("some text " + oneHash.toUpperCase() + "\n").post("/api/admin/leaks")
                .then().statusCode(200).extract().jsonPath().getList("platformId", Long.class)).containsExactly(idB);
        assertThat(admin().contentType("text/plain").body(PlatformFixtures.randomPdq()).post("/api/admin/leaks").then()
                .statusCode(200).extract().jsonPath().getList("$")).isEmpty();

        String html = admin().multiPart("hashes", "").multiPart("file", "leak.csv", leaked.getBytes(), "text/csv")
                .post("/admin/leaks").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"leak-result\"")
                .as("the platform's name is isolated inside the message, so no direction of it reorders the rest")
                .containsPattern("\u2068Canary A [0-9]+\u2069 \\(platform " + idA + "\\)");
    }

    @Test
    void aLeakedFileInLatin1OrUtf16IsReadOnTheAdminPage() {
        String oneHash = canaries(idA).get(0).pdq;
        byte[] latin1 = ("caf\u00e9;" + oneHash + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = ("nom;hash\r\ncaf\u00e9;" + oneHash + "\r\n").getBytes(StandardCharsets.UTF_16);
        for (byte[] file : List.of(latin1, utf16)) {
            String html = admin().multiPart("hashes", "").multiPart("file", "leak.csv", file, "text/csv")
                    .post("/admin/leaks").then().statusCode(200).extract().asString();
            assertThat(html).contains("id=\"leak-result\"").contains("(platform " + idA + ")");
        }
    }

    @Test
    void canariesAreNeverInCaseDataOrImpact() {
        Set<String> canaryPdqs = canaries(idA).stream().map(c -> c.pdq).collect(Collectors.toSet());
        QuarkusTransaction.requiringNew().run(() ->
                assertThat(CaseItem.count("pdq in ?1", canaryPdqs)).as("no case item carries a canary").isZero());
        String key = newPlatformKey("Canary impact " + System.nanoTime());
        impact.refresh();
        String before = given().get("/impact").then().statusCode(200).extract().asString();
        PlatformFixtures.makeScheduledCanaries();
        impact.refresh();
        String after = given().get("/impact").then().statusCode(200).extract().asString();
        assertThat(after).as("new canaries change nothing on /impact").isEqualTo(before);
    }
}
