package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.platform.PlatformFixtures;

/** On embedded H2, an answer that says something was received leaves only after the database file is flushed. */
@Tag("embedded")
@QuarkusTest
class DurableAnswersTest {
    @Inject
    DurableAnswers durable;

    @Test
    void creatingAddingToAndWithdrawingACaseEachFlushTheFileBeforeAnswering() {
        long before = durable.flushes();
        String[] c = PlatformFixtures.newCase(PlatformFixtures.other(PlatformFixtures.md5()));
        assertThat(durable.flushes()).isEqualTo(before + 1);
        given().contentType(ContentType.JSON).header("X-Case-Key", c[1])
                .body("{\"items\":[" + PlatformFixtures.other(PlatformFixtures.md5()) + "]}")
                .post("/api/cases/" + c[0] + "/items").then().statusCode(200);
        assertThat(durable.flushes()).isEqualTo(before + 2);
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
        assertThat(durable.flushes()).isEqualTo(before + 3);
    }

    @Test
    void readsAndRefusedRequestsDoNotFlush() {
        String[] c = PlatformFixtures.newCase(PlatformFixtures.other(PlatformFixtures.md5()));
        long before = durable.flushes();
        given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"items\":[]}").post("/api/cases").then().statusCode(400);
        assertThat(durable.flushes()).isEqualTo(before);
    }

    @Test
    void aPlatformMatchQueryWritesNothingAndIsAnsweredWithoutAFlush() {
        String key = PlatformFixtures.newPlatformKey("durable-" + System.nanoTime());
        long before = durable.flushes();
        PlatformFixtures.platform(key).contentType(ContentType.JSON)
                .body("{\"md5\":[\"" + PlatformFixtures.md5() + "\"]}")
                .post("/api/platform/v1/match").then().statusCode(200);
        assertThat(durable.flushes()).isEqualTo(before);
    }

    @Test
    void concurrentCallersAreAllCoveredAndNeverNeedMoreFlushesThanCallers() throws Exception {
        long before = durable.flushes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(durable::flushCommitted));
            }
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(durable.flushes() - before).isBetween(1L, 32L);
    }
}
