package org.takeitdown.portal.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole user flow, good and bad requests, writes no address, case number, key or hash to the log at INFO. */
@QuarkusTest
class NothingIdentifyingInLogsTest {
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
        given().formParam("caseNumber", number).formParam("caseKey", key).post("/hash").then().statusCode(200);
        given().formParam("caseNumber", number).formParam("caseKey", key).formParam("confirm", "yes")
                .post("/cases/withdraw").then().statusCode(200);
        given().header("X-Case-Key", key).delete("/api/cases/" + number).then().statusCode(409);

        String all = String.join("\n", lines).toLowerCase();
        assertThat(lines).as("the flow ran and something was captured or not, but nothing identifying").isNotNull();
        for (String secret : List.of(number, number.replace("-", ""), key, md5, md5b, PDQ, "127.0.0.1")) {
            assertThat(all).as("log at INFO").doesNotContain(secret.toLowerCase());
        }
    }

    @Test
    void captureSeesWhatTheApplicationLogs() {
        Logger.getLogger("org.takeitdown.portal").info("probe 0123456789abcdef0123456789abcdef");
        assertThat(String.join("\n", lines)).contains("0123456789abcdef0123456789abcdef");
    }
}
