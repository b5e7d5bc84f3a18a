package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.platform.PlatformFixtures;

/** Prometheus metrics: the portal's totals move with use, and nothing identifying appears. */
@Tag("database")
@QuarkusTest
class MetricsTest {
    @Test
    void countsCasesAndItemsInAggregateAndShowsNoCaseNumberKeyOrHash() {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String md5 = PlatformFixtures.md5();
        String[] c = PlatformFixtures.newCase(PlatformFixtures.other(md5), PlatformFixtures.other(PlatformFixtures.md5()));
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
        given().get("/api/nothing/SECRET7Q" + md5).then().statusCode(404);
        given().get("/static/SECRET7Q.png").then().statusCode(404);
        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.total(after, "portal_cases_created_total") - Metrics.total(before, "portal_cases_created_total"))
                .isEqualTo(1.0);
        assertThat(Metrics.total(after, "portal_items_added_total") - Metrics.total(before, "portal_items_added_total"))
                .isEqualTo(2.0);
        assertThat(Metrics.total(after, "portal_cases_withdrawn_total") - Metrics.total(before, "portal_cases_withdrawn_total"))
                .isEqualTo(1.0);
        assertThat(after).contains("http_server_requests_seconds_count")
                .doesNotContain(c[0]).doesNotContain(c[0].replace("-", "")).doesNotContain(c[1]).doesNotContain(md5)
                .doesNotContain("127.0.0.1").doesNotContain("SECRET7Q");
    }
}
