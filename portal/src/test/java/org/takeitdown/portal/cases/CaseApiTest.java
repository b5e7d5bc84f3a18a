package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.RawHttp;

@Tag("database")
@QuarkusTest
class CaseApiTest {
    @TestHTTPResource("/")
    URL root;

    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    static String item(String md5) {
        return "{\"kind\":\"other\",\"md5\":\"" + md5 + "\",\"pdq\":null,\"pdqQuality\":null}";
    }

    static String md5(int i) {
        return String.format("%032x", i + 0x1000L * (System.nanoTime() & 0xfffff));
    }

    static String body(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {ReportCase.count(), CaseItem.count()});
    }

    static Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/cases");
    }

    private void assertProblem(Response r, int status, String detailStart) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", startsWith(detailStart))
                .header("Cache-Control", "no-store");
    }

    private void assertRefusedAndUnchanged(String body, int status, String detailStart) {
        long[] before = counts();
        assertProblem(create(body), status, detailStart);
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void createsCaseStoringHexLowercaseAndEachMd5Once() {
        String m = md5(1);
        String m2 = md5(2);
        Response r = create(body(
                "{\"kind\":\"image\",\"md5\":\"" + m.toUpperCase() + "\",\"pdq\":\"" + PDQ.toUpperCase() + "\",\"pdqQuality\":100}",
                item(m), item(m2)));
        r.then().statusCode(201).header("Cache-Control", "no-store")
                .body("caseNumber", matchesPattern("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}"))
                .body("caseKey", matchesPattern("[2-9A-HJ-NP-Z]{26}"))
                .body("status", equalTo("active")).body("items", equalTo(2));
        String number = r.path("caseNumber");
        List<CaseItem> items = QuarkusTransaction.requiringNew().call(() ->
                CaseItem.<CaseItem>list("caseId", stored(number).id));
        assertThat(items).extracting(i -> i.md5).containsExactlyInAnyOrder(m, m2);
        assertThat(items).filteredOn(i -> i.pdq != null).singleElement().satisfies(i -> {
            assertThat(i.pdq).isEqualTo(PDQ);
            assertThat(i.pdqQuality).isEqualTo((short) 100);
        });
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameCase() {
        String key = UUID.randomUUID().toString();
        String b = body(item(md5(3)));
        long[] before = counts();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(b).post("/api/cases");
        Response again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(b).post("/api/cases");
        first.then().statusCode(201);
        again.then().statusCode(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(counts()[0]).isEqualTo(before[0] + 1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422AndChangesNothing() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(item(md5(4)))).post("/api/cases")
                .then().statusCode(201);
        long[] before = counts();
        assertProblem(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(item(md5(5)))).post("/api/cases"), 422, "This Idempotency-Key was already used");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void idempotencyKeyShorterThan22Base64urlCharactersOrNotAUuidIsRefusedAndChangesNothing() {
        for (String key : List.of("k", "a".repeat(21), "a".repeat(21) + "=", "a".repeat(201), "not a uuid but long enough!")) {
            long[] before = counts();
            assertProblem(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(body(item(md5(8)))).post("/api/cases"), 400, "Idempotency-Key must be 22 to 200 base64url characters");
            assertThat(counts()).containsExactly(before);
        }
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString().replace("-", "").substring(0, 22)).body(body(item(md5(9))))
                .post("/api/cases").then().statusCode(201);
    }

    @Test
    void hashesOfNoPictureAreRefusedNamingTheItemAndNothingIsStored() {
        String empty = "{\"kind\":\"other\",\"md5\":\"D41D8CD98F00B204E9800998ECF8427E\",\"pdq\":null,\"pdqQuality\":null}";
        long[] before = counts();
        create(body(item(md5(10)), item(md5(11)), empty)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("item", equalTo(2))
                .body("detail", startsWith("items[2].md5 is the MD5 of an empty file"));
        String black = "{\"kind\":\"image\",\"md5\":\"" + md5(12) + "\",\"pdq\":\"" + "0".repeat(64) + "\",\"pdqQuality\":100}";
        create(body(item(md5(13)), black)).then().statusCode(400)
                .body("item", equalTo(1))
                .body("detail", startsWith("items[1].pdq can't be the PDQ of a real picture: it is within 31 bits of the PDQ of a black image"));
        String few = "{\"kind\":\"image\",\"md5\":\"" + md5(14) + "\",\"pdq\":\"" + "0".repeat(48) + "fffffffffffffffe" + "\",\"pdqQuality\":100}";
        create(body(few)).then().statusCode(400).body("item", equalTo(0))
                .body("detail", startsWith("items[0].pdq can't be the PDQ of a real picture: it sets 63 of 256 bits"));
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void rejectsBadBodiesWithClearMessagesAndChangesNothing() {
        assertRefusedAndUnchanged(body(item("abc")), 400, "items[0].md5 must be exactly 32 hex digits");
        assertRefusedAndUnchanged(body(item("g".repeat(32))), 400, "items[0].md5 has a character that is not a hex digit");
        assertRefusedAndUnchanged(body("{\"kind\":\"photo\",\"md5\":\"" + md5(6) + "\",\"pdq\":null,\"pdqQuality\":null}"),
                400, "items[0].kind must be");
        assertRefusedAndUnchanged(body("{\"kind\":\"image\",\"md5\":\"" + md5(6) + "\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":null}"),
                400, "items[0]: pdq and pdqQuality must both be set");
        assertRefusedAndUnchanged(body("{\"kind\":\"image\",\"md5\":\"" + md5(6) + "\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":101}"),
                400, "items[0].pdqQuality must be 0 to 100");
        assertRefusedAndUnchanged(body("{\"kind\":\"image\",\"md5\":\"" + md5(6) + "\",\"pdq\":\"abc\",\"pdqQuality\":5}"),
                400, "items[0].pdq must be exactly 64 hex digits");
        assertRefusedAndUnchanged(body(), 400, "\"items\" must hold 1 to 100 items");
        assertRefusedAndUnchanged("{}", 400, "The body needs \"items\"");
        assertRefusedAndUnchanged("{\"items\":[{\"kind\":\"other\",\"md5\":\"" + md5(6) + "\",\"size\":12}]}", 400, "Unknown field \"size\"");
        assertRefusedAndUnchanged("{\"items\":[],\"items\":[]}", 400, "Duplicate field");
        assertRefusedAndUnchanged("{\"items\":[{\"kind\":\"other\",\"md5\":5}]}", 400, "Wrong type or value at \"items[0].md5\"");
        assertRefusedAndUnchanged("{\"items\":[{\"kind\":\"image\",\"md5\":\"" + md5(6) + "\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":\"100\"}]}",
                400, "Wrong type or value");
        assertRefusedAndUnchanged("{not json", 400, "The body is not valid JSON");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(item(md5(100 + i)));
        }
        assertRefusedAndUnchanged(body(many.toArray(String[]::new)), 400, "\"items\" must hold 1 to 100 items; it holds 101");
    }

    @Test
    void rejectsWrongContentTypeWith415() {
        long[] before = counts();
        assertProblem(given().contentType(ContentType.TEXT).body(body(item(md5(7)))).post("/api/cases"), 415, "Send the body as application/json");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void rejectsBodyOver256KibWithoutVideoFramesWith413() {
        long[] before = counts();
        String big = "{\"items\":[" + item(md5(8)) + "]" + " ".repeat(300 * 1024) + "}";
        assertProblem(given().contentType(ContentType.JSON).body(big).post("/api/cases"), 413,
                "A body without video frames may be at most 256 KiB");
        assertThat(counts()).containsExactly(before);
        String huge = "{\"items\":[" + item(md5(8)) + "]" + " ".repeat(1100 * 1024) + "}";
        given().contentType(ContentType.JSON).body(huge).post("/api/cases").then().statusCode(413);
        assertThat(counts()).containsExactly(before);
    }

    private String[] newCase(String... items) {
        Response r = create(body(items));
        r.then().statusCode(201);
        return new String[] {r.path("caseNumber"), r.path("caseKey")};
    }

    @Test
    void readsCaseWithKeyInAnyLetterCaseAndNumberWithOrWithoutDash() {
        String[] c = newCase(item(md5(9)), item(md5(10)));
        for (String number : List.of(c[0], c[0].replace("-", ""), c[0].toLowerCase())) {
            given().header("X-Case-Key", c[1].toLowerCase()).get("/api/cases/" + number).then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("caseNumber", equalTo(c[0])).body("status", equalTo("active")).body("items", equalTo(2))
                    .body("matchReports.pendingReview", equalTo(0)).body("matchReports.blocked", equalTo(0))
                    .body("matchReports.notBlocked", equalTo(0));
        }
    }

    @Test
    void readsCaseWithNumberAndKeyTypedInOtherScriptsDigitsFullWidthAndWithDashes() throws Exception {
        String[] c = newCase(item(md5(12)));
        String number = StatusPageResourceTest.withDigits(c[0], '\u06F0').replace('-', '\u2013');
        String key = StatusPageResourceTest.withDigits(c[1], '\u0660');
        assertThat(getWithUtf8Key("/api/cases/" + URLEncoder.encode(number, StandardCharsets.UTF_8), key))
                .startsWith("HTTP/1.1 200").contains("\"caseNumber\":\"" + c[0] + "\"");
        assertThat(getWithUtf8Key("/api/cases/" + URLEncoder.encode(StatusPageResourceTest.fullWidth(c[0]),
                StandardCharsets.UTF_8), StatusPageResourceTest.fullWidth(c[1])))
                .startsWith("HTTP/1.1 200").contains("\"caseNumber\":\"" + c[0] + "\"");
    }

    /** The answer to a GET with {@code key} in X-Case-Key as UTF-8 bytes, as curl sends what is typed. */
    private String getWithUtf8Key(String path, String key) throws Exception {
        return RawHttp.exchange(root, ("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nConnection: close\r\n"
                + "X-Case-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownNumberWrongKeyMissingKeyAndMalformedNumberAreAll404() {
        String[] c = newCase(item(md5(11)));
        assertProblem(given().header("X-Case-Key", "2".repeat(26)).get("/api/cases/" + c[0]), 404, "No case matches");
        assertProblem(given().get("/api/cases/" + c[0]), 404, "No case matches");
        assertProblem(given().header("X-Case-Key", c[1]).get("/api/cases/22222-22222"), 404, "No case matches");
        assertProblem(given().header("X-Case-Key", c[1]).get("/api/cases/OOOO1"), 404, "No case matches");
    }

    @Test
    void addsItemsIgnoringMd5sTheCaseHoldsAndSaysHowManyWereAlreadyInIt() {
        String m = md5(12);
        String n = md5(13);
        String[] c = newCase(item(m));
        given().contentType(ContentType.JSON).header("X-Case-Key", c[1]).body(body(item(m), item(n)))
                .post("/api/cases/" + c[0] + "/items").then().statusCode(200).body("items", equalTo(2))
                .body("status", equalTo("active")).body("added", equalTo(1)).body("alreadyInCase", equalTo(1));
        given().contentType(ContentType.JSON).header("X-Case-Key", c[1])
                .body(body(item(n), item(m.toUpperCase(Locale.ROOT)), item(n)))
                .post("/api/cases/" + c[0] + "/items").then().statusCode(200).body("items", equalTo(2))
                .body("added", equalTo(0)).body("alreadyInCase", equalTo(2));
    }

    @Test
    void addingToUnknownCaseIs404AndBadItemsAre400() {
        String[] c = newCase(item(md5(14)));
        long[] before = counts();
        assertProblem(given().contentType(ContentType.JSON).header("X-Case-Key", "3".repeat(26)).body(body(item(md5(15))))
                .post("/api/cases/" + c[0] + "/items"), 404, "No case matches");
        assertProblem(given().contentType(ContentType.JSON).header("X-Case-Key", c[1]).body(body(item("xyz")))
                .post("/api/cases/" + c[0] + "/items"), 400, "items[0].md5");
        assertProblem(given().contentType(ContentType.TEXT).header("X-Case-Key", c[1]).body(body(item(md5(15))))
                .post("/api/cases/" + c[0] + "/items"), 415, "Send the body");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void caseHoldsAtMostOneThousandItems() {
        String[] c = null;
        for (int batch = 0; batch < 10; batch++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                items.add(item(String.format("%08x%024x", 0xabc00000 + batch * 100 + i, System.nanoTime())));
            }
            if (c == null) {
                c = newCase(items.toArray(String[]::new));
            } else {
                given().contentType(ContentType.JSON).header("X-Case-Key", c[1]).body(body(items.toArray(String[]::new)))
                        .post("/api/cases/" + c[0] + "/items").then().statusCode(200);
            }
        }
        long[] before = counts();
        assertProblem(given().contentType(ContentType.JSON).header("X-Case-Key", c[1]).body(body(item(md5(16))))
                .post("/api/cases/" + c[0] + "/items"), 409, "A case holds at most 1000 items");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void withdrawMakesCaseAndItemsWithdrawnThenAddingAndWithdrawingAgainAre409() {
        String[] c = newCase(item(md5(17)), item(md5(18)));
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
        given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200).body("status", equalTo("withdrawn"));
        List<CaseItem> items = QuarkusTransaction.requiringNew().call(() ->
                CaseItem.<CaseItem>list("caseId", stored(c[0]).id));
        assertThat(items).extracting(i -> i.status).containsOnly(CaseStatus.withdrawn);
        assertProblem(given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]), 409, "This case is already withdrawn");
        assertProblem(given().contentType(ContentType.JSON).header("X-Case-Key", c[1]).body(body(item(md5(19))))
                .post("/api/cases/" + c[0] + "/items"), 409, "This case was withdrawn");
        assertProblem(given().header("X-Case-Key", "4".repeat(26)).delete("/api/cases/" + c[0]), 404, "No case matches");
    }

    @Test
    void storesOnlyTheKeysHmacAndTheDate() {
        String[] c = newCase(item(md5(20)));
        ReportCase stored = QuarkusTransaction.requiringNew().call(() -> stored(c[0]));
        assertThat(stored.keyHmac).hasSize(64).doesNotContain(c[1]);
        assertThat(stored.createdOn).isNotNull();
    }

    /** The stored case with this (dashed) number, read in the caller's transaction. */
    private static ReportCase stored(String number) {
        return ReportCase.<ReportCase>find("number", number.replace("-", "")).firstResultOptional().orElseThrow();
    }
}
