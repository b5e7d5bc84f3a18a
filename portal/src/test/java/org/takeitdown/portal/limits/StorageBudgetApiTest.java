package org.takeitdown.portal.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.cases.ItemVpdq;

/**
 * Storage budgets over HTTP with small budgets: add-items requests, items and frames per address and
 * day (429 with Retry-After), and the per-case frame cap counted in the database (409, no Retry-After).
 * Each test is its own client through X-Forwarded-For, the test client being a trusted proxy.
 */
@Tag("database")
@QuarkusTest
@TestProfile(StorageBudgetApiTest.SmallBudgets.class)
class StorageBudgetApiTest {
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.limits.trusted-proxies", "127.0.0.1,::1",
                    "portal.limits.add-per-window", "3",
                    "portal.limits.items-per-day", "20",
                    "portal.limits.frames-per-day", "50",
                    "portal.limits.frames-per-case", "40");
        }
    }

    private static final AtomicInteger SEED = new AtomicInteger();

    @Inject
    CaseService cases;

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String image() {
        return "{\"kind\":\"image\",\"md5\":\"" + hex(new Random(SEED.incrementAndGet()), 16) + "\",\"pdq\":null,\"pdqQuality\":null}";
    }

    private static String video(int frames) {
        Random random = new Random(SEED.incrementAndGet());
        StringBuilder b = new StringBuilder("{\"kind\":\"video\",\"md5\":\"" + hex(random, 16)
                + "\",\"pdq\":null,\"pdqQuality\":null,\"vpdq\":[");
        for (int s = 0; s < frames; s++) {
            b.append(s > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"t\":%d,\"pdq\":\"%s\",\"q\":90}", s, hex(random, 32)));
        }
        return b.append("]}").toString();
    }

    private static String body(List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    private static List<String> images(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(image());
        }
        return out;
    }

    private static Response create(String client, String body) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(body).post("/api/cases");
    }

    private static Response add(String client, CaseApi.Created c, String body) {
        return given().header("X-Forwarded-For", client).header("X-Case-Key", c.caseKey()).contentType(ContentType.JSON)
                .body(body).post("/api/cases/" + c.caseNumber() + "/items");
    }

    private CaseApi.Created newCase() {
        return cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                hex(new Random(SEED.incrementAndGet()), 16), null, null))), null);
    }

    private static long[] stored() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {CaseItem.count(), ItemVpdq.count()});
    }

    private static void assertTooMany(Response r, String detail) {
        r.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429)).body("detail", containsString(detail));
    }

    @Test
    void addItemsRequestsOverTheRateAreRefusedWithRetryAfterAndStoreNothing() {
        CaseApi.Created c = newCase();
        for (int i = 0; i < 3; i++) {
            add("192.0.2.10", c, body(images(1))).then().statusCode(200);
        }
        long[] before = stored();
        assertTooMany(add("192.0.2.10", c, body(images(1))), "short time");
        assertThat(stored()).containsExactly(before);
        add("192.0.2.11", c, body(images(1))).then().statusCode(200).body("items", equalTo(5));
    }

    @Test
    void itemsOfNewCasesAndAdditionsShareOneDailyBudgetPerAddress() {
        Response created = create("192.0.2.20", body(images(15)));
        created.then().statusCode(201);
        CaseApi.Created c = new CaseApi.Created(created.path("caseNumber"), created.path("caseKey"), "active", 15);
        long[] before = stored();
        assertTooMany(add("192.0.2.20", c, body(images(6))), "most files allowed for one day (20)");
        assertTooMany(create("192.0.2.20", body(images(6))), "most files allowed for one day (20)");
        assertThat(stored()).containsExactly(before);
        add("192.0.2.20", c, body(images(5))).then().statusCode(200).body("items", equalTo(20));
    }

    @Test
    void framesOverTheDailyBudgetAreRefusedWithRetryAfterAndStoreNothing() {
        create("192.0.2.30", body(List.of(video(30)))).then().statusCode(201);
        CaseApi.Created c = newCase();
        long[] before = stored();
        assertTooMany(add("192.0.2.30", c, body(List.of(video(21)))), "most video allowed for one day");
        assertThat(stored()).containsExactly(before);
        add("192.0.2.30", c, body(List.of(video(20)))).then().statusCode(200).body("items", equalTo(2));
    }

    @Test
    void aCaseHoldsAtMostItsCapOfFramesCountedFromTheDatabaseWithoutRetryAfter() {
        Response created = create("192.0.2.40", body(List.of(video(30))));
        created.then().statusCode(201);
        CaseApi.Created c = new CaseApi.Created(created.path("caseNumber"), created.path("caseKey"), "active", 1);
        long[] before = stored();
        add("192.0.2.41", c, body(List.of(video(11)))).then().statusCode(409)
                .contentType("application/problem+json").header("Retry-After", nullValue())
                .body("detail", containsString("at most 40 video frames"))
                .body("detail", containsString("this one holds 30"));
        assertThat(stored()).containsExactly(before);
        add("192.0.2.41", c, body(List.of(video(10)))).then().statusCode(200).body("items", equalTo(2));
        add("192.0.2.42", c, body(List.of(video(1)))).then().statusCode(409);
        create("192.0.2.43", body(List.of(video(41)))).then().statusCode(409)
                .body("detail", containsString("at most 40 video frames"));
        assertThat(cases.view(c.caseNumber(), c.caseKey()).items()).isEqualTo(2);
    }
}
