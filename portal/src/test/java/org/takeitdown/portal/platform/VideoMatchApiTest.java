package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.hasher.vpdq.SecondSampler;
import org.takeitdown.hasher.vpdq.VpdqFrame;
import org.takeitdown.hasher.vpdq.VpdqText;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.ItemVpdq;
import org.takeitdown.portal.web.Vectors;

/**
 * Videos through the case and platform APIs, on the reference vPDQ of Meta's sample clips sampled
 * at one frame a second: stored frames, feed counts, the frames endpoint, matching and its
 * thresholds, withdrawal, and every bad frame list refused with nothing changed.
 */
@Tag("database")
@QuarkusTest
class VideoMatchApiTest {
    private static final String ORIGINAL = "chair-orig-22-sd-bar";
    private static String key;

    @Inject
    SyncJob sync;

    /** One platform key for the class, made on first use (the application runs by then). */
    private static String key() {
        if (key == null) {
            key = newPlatformKey("Video platform");
        }
        return key;
    }

    /** The reference's frames at one frame a second, duplicates dropped. */
    static List<VpdqFrame> reference(String clip) {
        Path dir = Vectors.file("vpdq/hashes");
        String text;
        try {
            text = Files.readString(dir.resolve(clip + ".txt"));
        } catch (IOException e) {
            throw new IllegalStateException("vPDQ vectors missing at " + dir.toAbsolutePath(), e);
        }
        SecondSampler sampler = new SecondSampler();
        Set<PdqHash> seen = new HashSet<>();
        List<VpdqFrame> out = new ArrayList<>();
        for (VpdqFrame f : VpdqText.parse(text)) {
            if (sampler.take(f.timestampSeconds()) && seen.add(f.hash())) {
                out.add(f);
            }
        }
        return out;
    }

    static String framesJson(List<VpdqFrame> frames) {
        StringBuilder b = new StringBuilder("[");
        for (VpdqFrame f : frames) {
            b.append(b.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "{\"t\":%s,\"pdq\":\"%s\",\"q\":%d}",
                    f.timestampSeconds(), f.hash().toHex().toUpperCase(Locale.ROOT), f.quality()));
        }
        return b.append(']').toString();
    }

    static String video(String md5, String framesJson) {
        return "{\"kind\":\"video\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null,\"vpdq\":" + framesJson + "}";
    }

    private static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {CaseItem.count(), ItemVpdq.count()});
    }

    private static Response createCase(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/cases");
    }

    private static Response match(String body) {
        return platform(key()).contentType(ContentType.JSON).body(body).post("/api/platform/v1/match");
    }

    private static void assertProblem(Response r, int status, String detail) {
        r.then().statusCode(status).contentType("application/problem+json").body("detail", containsString(detail));
    }

    /** Creates a case holding the clip's video; returns the item id as the feed shows it. */
    private long submit(String clip, String md5) throws Exception {
        createCase("{\"items\":[" + video(md5, framesJson(reference(clip))) + "]}").then().statusCode(201)
                .body("items", equalTo(1));
        sync.runNow();
        return itemId(md5);
    }

    private static long itemId(String md5) {
        return QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>find("md5", md5).firstResult().id);
    }

    @Test
    void aSubmittedVideoIsCountedInTheFeedServedWholeAndMatchedByItsEdits() throws Exception {
        String md5 = md5();
        long id = submit(ORIGINAL, md5);
        List<VpdqFrame> original = reference(ORIGINAL);

        // Read from just before the item: other tests share the database, and its feed may be longer than a page.
        long seq = QuarkusTransaction.requiringNew().call(() -> CaseItem.<CaseItem>findById(id).seq);
        List<Map<String, Object>> items = platform(key()).queryParam("after", seq - 1).queryParam("limit", 1)
                .get("/api/platform/v1/hashes").then().statusCode(200).extract().path("items");
        Map<String, Object> row = items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst().orElseThrow();
        assertThat(row.get("vpdqFrames")).isEqualTo(original.size());
        assertThat(row.get("kind")).isEqualTo("video");

        String csv = platform(key()).accept("text/csv").get("/api/platform/v1/hashes/export").then().statusCode(200)
                .extract().asString();
        assertThat(csv).startsWith("id,seq,kind,md5,pdq,pdqQuality,status,addedOn,vpdqFrames\n")
                .containsPattern("\n" + id + ",\\d+,video," + md5 + ",,,active,[0-9-]+," + original.size() + "\n");
        String ndjson = platform(key()).get("/api/platform/v1/hashes/export").then().statusCode(200).extract().asString();
        assertThat(ndjson).contains("\"md5\":\"" + md5 + "\"").contains("\"vpdqFrames\":" + original.size() + "}");

        Response frames = platform(key()).get("/api/platform/v1/items/" + id + "/vpdq");
        frames.then().statusCode(200).body("id", equalTo((int) id));
        List<Map<String, Object>> served = frames.path("frames");
        assertThat(served).hasSize(original.size());
        for (int i = 0; i < served.size(); i++) {
            assertThat(served.get(i).get("pdq")).isEqualTo(original.get(i).hash().toHex());
            assertThat(((Number) served.get(i).get("t")).doubleValue()).isEqualTo(original.get(i).timestampSeconds());
            assertThat(served.get(i).get("q")).isEqualTo(original.get(i).quality());
        }

        Response sepia = match("{\"vpdq\":[" + framesJson(reference("chair-22-sd-sepia-bar")) + ","
                + framesJson(reference("pattern-sd-grey-bar")) + "," + framesJson(reference("doorknob-hd-no-bar")) + ","
                + framesJson(reference("chair-19-sd-bar")) + "]}");
        sepia.then().statusCode(200).body("results.size()", equalTo(0)).body("videos.size()", equalTo(4));
        assertThat(matchesOf(sepia, 0)).contains(id);
        assertThat(sepia.<Float>path("videos[0].matches.find { it.id == " + id + " }.queryMatch")).isEqualTo(100f);
        assertThat(matchesOf(sepia, 1)).doesNotContain(id);
        assertThat(matchesOf(sepia, 2)).doesNotContain(id);
        assertThat(matchesOf(sepia, 3)).doesNotContain(id);

        Response lenient = match("{\"vpdq\":[" + framesJson(reference("chair-19-sd-bar"))
                + "],\"vpdqQueryMatch\":5,\"vpdqComparedMatch\":4}");
        lenient.then().statusCode(200);
        assertThat(matchesOf(lenient, 0)).contains(id);
        assertThat(lenient.<Float>path("videos[0].matches.find { it.id == " + id + " }.queryMatch")).isEqualTo(10.5f);
        assertThat(lenient.<Float>path("videos[0].matches.find { it.id == " + id + " }.comparedMatch")).isEqualTo(4.3f);
    }

    private static List<Long> matchesOf(Response r, int video) {
        List<Number> ids = r.path("videos[" + video + "].matches.id");
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    void aWithdrawnVideoLosesItsFramesAndStopsMatching() throws Exception {
        String md5 = md5();
        Response created = createCase("{\"items\":[" + video(md5, framesJson(reference(ORIGINAL))) + "]}");
        created.then().statusCode(201);
        sync.runNow();
        long id = itemId(md5);
        String query = "{\"vpdq\":[" + framesJson(reference("chair-22-sd-sepia-bar")) + "]}";
        assertThat(matchesOf(match(query), 0)).contains(id);

        given().header("X-Case-Key", created.<String>path("caseKey")).delete("/api/cases/" + created.<String>path("caseNumber"))
                .then().statusCode(204);
        sync.runNow();
        assertThat(matchesOf(match(query), 0)).doesNotContain(id);
        assertProblem(platform(key()).get("/api/platform/v1/items/" + id + "/vpdq"), 404, "No active video item");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ItemVpdq.count("itemId", id))).isZero();
    }

    @Test
    void framesEndpointRefusesUnknownNonVideoAndMalformedIds() {
        String md5 = md5();
        createCase("{\"items\":[{\"kind\":\"image\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}]}")
                .then().statusCode(201);
        long image = itemId(md5);
        assertProblem(platform(key()).get("/api/platform/v1/items/" + image + "/vpdq"), 404, "No active video item");
        assertProblem(platform(key()).get("/api/platform/v1/items/999999999/vpdq"), 404, "No active video item");
        assertProblem(platform(key()).get("/api/platform/v1/items/abc/vpdq"), 400, "id must be a whole number");
        given().get("/api/platform/v1/items/" + image + "/vpdq").then().statusCode(401);
    }

    @Test
    void anHourOfFramesFitsTheLargerBodyLimit() throws Exception {
        List<VpdqFrame> hour = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int s = 0; s < 3600; s++) {
            hour.add(new VpdqFrame(s, 50 + random.nextInt(51), randomHash(random), s + 0.033));
        }
        String body = "{\"items\":[" + video(md5(), framesJson(hour)) + "]}";
        assertThat(body.length()).isGreaterThan(256 * 1024);
        createCase(body).then().statusCode(201);
        String tooMany = framesJson(hour).replace("]", "," + framesJson(hour.subList(0, 1)).substring(1));
        long[] before = counts();
        assertProblem(createCase("{\"items\":[" + video(md5(), tooMany) + "]}"), 400, "items[0].vpdq must hold 1 to 3600 frames");
        assertThat(counts()).containsExactly(before);
    }

    private static PdqHash randomHash(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(String.format("%016x", random.nextLong()));
        }
        return PdqHash.fromHex(b.toString());
    }

    @Test
    void badFrameListsAreRefusedWithAClearMessageAndChangeNothing() {
        String p = "a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05";
        String f0 = "{\"t\":0,\"pdq\":\"" + p + "\",\"q\":90}";
        long[] before = counts();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"kind\":\"image\",\"md5\":\"" + md5() + "\",\"pdq\":null,\"pdqQuality\":null,\"vpdq\":[" + f0 + "]}",
                "items[0].vpdq is only for items of kind \"video\"");
        cases.put(video(md5(), "[]"), "items[0].vpdq must hold 1 to 3600 frames; it holds 0");
        cases.put(video(md5(), "[{\"t\":-1,\"pdq\":\"" + p + "\",\"q\":90}]"), "items[0].vpdq[0].t must be a number of seconds");
        cases.put(video(md5(), "[{\"t\":2,\"pdq\":\"" + p + "\",\"q\":90},{\"t\":1,\"pdq\":\"" + p.replace('a', 'b') + "\",\"q\":90}]"),
                "items[0].vpdq[1].t is earlier than the frame before it");
        cases.put(video(md5(), "[{\"t\":0,\"pdq\":\"" + p.substring(1) + "\",\"q\":90}]"), "items[0].vpdq[0].pdq must be exactly 64 hex digits");
        cases.put(video(md5(), "[{\"t\":0,\"pdq\":\"" + p + "\",\"q\":101}]"), "items[0].vpdq[0].q must be 0 to 100");
        cases.put(video(md5(), "[{\"t\":0,\"pdq\":\"" + p + "\"}]"), "items[0].vpdq[0] needs \"t\"");
        cases.put(video(md5(), "[null]"), "items[0].vpdq[0] needs \"t\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertProblem(createCase("{\"items\":[" + c.getKey() + "]}"), 400, c.getValue());
        }
        createCase("{\"items\":[" + video(md5(), "[{\"t\":\"0\",\"pdq\":\"" + p + "\",\"q\":90}]") + "]}").then().statusCode(400)
                .contentType("application/problem+json");
        createCase("{\"items\":[" + video(md5(), "[{\"t\":0,\"pdq\":\"" + p + "\",\"q\":90,\"x\":1}]") + "]}").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(counts()).containsExactly(before);

        assertProblem(match("{\"vpdq\":[" + ("[" + f0 + "],").repeat(10) + "[" + f0 + "]]}"), 400, "At most 10 videos");
        assertProblem(match("{\"vpdq\":[[" + f0 + "]],\"vpdqQueryMatch\":0}"), 400, "vpdqQueryMatch must be more than 0");
        assertProblem(match("{\"vpdq\":[[" + f0 + "]],\"vpdqComparedMatch\":100.5}"), 400, "vpdqComparedMatch must be more than 0");
        assertProblem(match("{\"vpdq\":[[]]}"), 400, "vpdq[0] must hold 1 to 3600 frames");
        assertProblem(match("{\"vpdq\":[null]}"), 400, "vpdq[0] must be a list of frames");
        assertProblem(match("{}"), 400, "Send at least one query in \"md5\", \"pdq\" or \"vpdq\"");
        assertProblem(match("{\"md5\":[\"" + md5() + "\"]" + " ".repeat(300 * 1024) + "}"), 413,
                "A body without video frames may be at most 256 KiB");
    }

    @Test
    void aMatchWithoutVideosStillAnswersAnEmptyVideoList() {
        match("{\"md5\":[\"" + md5() + "\"]}").then().statusCode(200).body("videos.size()", equalTo(0))
                .body("results.size()", equalTo(1));
    }
}
