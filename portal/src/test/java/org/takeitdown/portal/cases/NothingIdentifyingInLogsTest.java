package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A whole user flow, good and bad requests, concurrent adds, a constraint violation and a database
 * outage write no address, case number, key or hash to the log at INFO.
 */
@Tag("database")
@QuarkusTest
class NothingIdentifyingInLogsTest {
    @Inject
    AgroalDataSource db;

    @Inject
    Secrets secrets;

    private static final String PDQ = "a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05";
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                lines.add(format.format(r));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void fullFlowLogsNoAddressCaseNumberKeyOrHash() {
        String md5 = String.format("%032x", System.nanoTime());
        String md5b = String.format("%032x", System.nanoTime() + 1);
        Response created = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + md5)
                .body("{\"items\":[{\"kind\":\"image\",\"md5\":\"" + md5 + "\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":90}]}")
                .post("/api/cases");
        created.then().statusCode(201);
        String number = created.path("caseNumber");
        String key = created.path("caseKey");
        given().header("X-Case-Key", key).get("/api/cases/" + number).then().statusCode(200);
        given().header("X-Case-Key", key + "X").get("/api/cases/" + number).then().statusCode(404);
        given().header("X-Case-Key", key).contentType(ContentType.JSON)
                .body("{\"items\":[{\"kind\":\"other\",\"md5\":\"" + md5b + "\",\"pdq\":null,\"pdqQuality\":null}]}")
                .post("/api/cases/" + number + "/items").then().statusCode(200);
        given().header("X-Case-Key", key).contentType(ContentType.JSON)
                .body("{\"items\":[{\"kind\":\"other\",\"md5\":\"" + md5b + "zz\"}]}")
                .post("/api/cases/" + number + "/items").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"items\":[{\"kind\":\"image\",\"md5\":\"" + md5 + "\",")
                .post("/api/cases").then().statusCode(400);
        given().formParam("caseNumber", number).formParam("caseKey", key).post("/cases/status").then().statusCode(200);
        given().formParam("caseNumber", number).formParam("caseKey", key).post("/hash/add").then().statusCode(200);
        given().formParam("caseNumber", number).formParam("caseKey", key).formParam("confirm", "yes")
                .post("/cases/withdraw").then().statusCode(200);
        given().header("X-Case-Key", key).delete("/api/cases/" + number).then().statusCode(409);

        String all = String.join("\n", lines).toLowerCase();
        assertThat(lines).as("the flow ran and something was captured or not, but nothing identifying").isNotNull();
        for (String secret : List.of(number, number.replace("-", ""), key, md5, md5b, PDQ, "127.0.0.1")) {
            assertThat(all).as("log at INFO").doesNotContain(secret.toLowerCase());
        }
    }

    private static String imageItem(String md5) {
        return "{\"kind\":\"image\",\"md5\":\"" + md5 + "\",\"pdq\":\"" + PDQ + "\",\"pdqQuality\":90}";
    }

    private static Response createCase(String md5) {
        Response created = given().contentType(ContentType.JSON).body("{\"items\":[" + imageItem(md5) + "]}").post("/api/cases");
        created.then().statusCode(201);
        return created;
    }

    private void assertLogHoldsNone(String... secrets) {
        String all = String.join("\n", lines).toLowerCase();
        for (String secret : secrets) {
            assertThat(all).as("log at INFO").doesNotContain(secret.toLowerCase());
        }
    }

    @Test
    void fortyConcurrentAddsOfTheSameMd5AllAnswer200StoreItOnceAndLogNothingIdentifying() throws Exception {
        String md5 = String.format("%032x", System.nanoTime());
        String added = String.format("%032x", System.nanoTime() + 7);
        Response created = createCase(md5);
        String number = created.path("caseNumber");
        String key = created.path("caseKey");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> given().header("X-Case-Key", key).contentType(ContentType.JSON)
                        .body("{\"items\":[" + imageItem(added) + "]}")
                        .post("/api/cases/" + number + "/items").statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).as("every concurrent add of the same MD5").isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        given().header("X-Case-Key", key).get("/api/cases/" + number).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.equalTo(2));
        assertLogHoldsNone(number, number.replace("-", ""), key, md5, added, PDQ, "127.0.0.1");
    }

    @Test
    void concurrentCreatesWithOneIdempotencyKeyAnswerOneCaseAndLogNeitherKeyNorItsHmac() throws Exception {
        String md5 = String.format("%032x", System.nanoTime());
        String idempotencyKey = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> bodies = new ArrayList<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                        .body("{\"items\":[" + imageItem(md5) + "]}").post("/api/cases")));
            }
            for (Future<Response> a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(201);
                bodies.add(a.get().asString());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(bodies).as("one case for one key").allMatch(b -> b.equals(bodies.get(0)));
        String number = io.restassured.path.json.JsonPath.from(bodies.get(0)).getString("caseNumber");
        String key = io.restassured.path.json.JsonPath.from(bodies.get(0)).getString("caseKey");
        assertLogHoldsNone(number, number.replace("-", ""), key, md5, PDQ, idempotencyKey,
                secrets.hmac(CaseService.IDEMPOTENCY_PURPOSE, idempotencyKey), "127.0.0.1");
    }

    @Test
    void constraintViolationAnswers500AndLogsNoCaseNumberKeyOrHash() throws Exception {
        String md5 = String.format("%032x", System.nanoTime());
        String refused = String.format("%032x", System.nanoTime() + 11);
        Response created = createCase(md5);
        String number = created.path("caseNumber");
        String key = created.path("caseKey");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE case_item ADD CONSTRAINT test_refuses_one_md5 CHECK (md5 <> '" + refused + "')");
        }
        try {
            given().header("X-Case-Key", key).contentType(ContentType.JSON)
                    .body("{\"items\":[" + imageItem(refused) + "]}")
                    .post("/api/cases/" + number + "/items").then().statusCode(500)
                    .contentType("application/problem+json");
            given().contentType(ContentType.JSON).body("{\"items\":[" + imageItem(refused) + "]}")
                    .post("/api/cases").then().statusCode(500).contentType("application/problem+json");
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE case_item DROP CONSTRAINT test_refuses_one_md5");
            }
        }
        assertThat(String.join("\n", lines)).as("the failure was logged").contains("Unexpected error answered 500");
        assertLogHoldsNone(number, number.replace("-", ""), key, md5, refused, PDQ, "127.0.0.1");
    }

    @Test
    void databaseOutageAnswers500AndLogsNoCaseNumberKeyOrHash() throws Exception {
        String md5 = String.format("%032x", System.nanoTime());
        String more = String.format("%032x", System.nanoTime() + 13);
        Response created = createCase(md5);
        String number = created.path("caseNumber");
        String key = created.path("caseKey");
        var pool = db.getConfiguration().connectionPoolConfiguration();
        Duration timeout = pool.acquisitionTimeout();
        pool.setAcquisitionTimeout(Duration.ofMillis(300));
        // Every connection the pool can give is held here: each request that needs the database
        // fails as if it were down.
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < 1000) {
                try {
                    held.add(db.getConnection());
                } catch (java.sql.SQLException exhausted) {
                    break;
                }
            }
            assertThat(held).as("connections held until the pool gave no more").hasSizeLessThan(1000);
            given().header("X-Case-Key", key).contentType(ContentType.JSON)
                    .body("{\"items\":[" + imageItem(more) + "]}")
                    .post("/api/cases/" + number + "/items").then().statusCode(500)
                    .contentType("application/problem+json");
            given().header("X-Case-Key", key).get("/api/cases/" + number).then().statusCode(500);
            given().formParam("caseNumber", number).formParam("caseKey", key).post("/cases/status").then().statusCode(500);
            given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"items\":[" + imageItem(more) + "]}").post("/api/cases").then().statusCode(500);
        } finally {
            for (Connection c : held) {
                c.close();
            }
            pool.setAcquisitionTimeout(timeout);
        }
        given().header("X-Case-Key", key).get("/api/cases/" + number).then().statusCode(200);
        assertThat(String.join("\n", lines)).as("the failure was logged").contains("Unexpected error answered 500");
        assertLogHoldsNone(number, number.replace("-", ""), key, md5, more, PDQ, "127.0.0.1");
    }

    @Test
    void captureSeesWhatTheApplicationLogs() {
        Logger.getLogger("org.takeitdown.portal").info("probe 0123456789abcdef0123456789abcdef");
        assertThat(String.join("\n", lines)).contains("0123456789abcdef0123456789abcdef");
    }
}
