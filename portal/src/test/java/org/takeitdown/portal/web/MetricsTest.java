package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.platform.PlatformFixtures;

/** Prometheus metrics: the portal's totals move with use, and nothing identifying appears, even for malformed addresses. */
@Tag("database")
@QuarkusTest
class MetricsTest {
    @TestHTTPResource("/")
    URL root;

    /** The status line of a GET of {@code target} sent as is: an address no HTTP client library would send. */
    private String rawGet(String target) throws IOException {
        return RawHttp.exchange(root, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .lines().findFirst().orElse("");
    }

    @Test
    void requestsOfMadeUpMethodsAddNoSeriesOfTheirOwn() throws IOException {
        for (int i = 0; i < 3; i++) {
            String status = RawHttp.exchange(root, "M4DEUP" + i + "XYZ / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .lines().findFirst().orElse("");
            assertThat(status).startsWith("HTTP/1.1 ");
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain("M4DEUP").contains("method=\"OTHER\"");
    }

    @Test
    void countsCasesAndItemsInAggregateAndShowsNoCaseNumberKeyOrHash() throws IOException {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String md5 = PlatformFixtures.md5();
        String[] c = PlatformFixtures.newCase(PlatformFixtures.other(md5), PlatformFixtures.other(PlatformFixtures.md5()));
        given().header("X-Case-Key", c[1]).delete("/api/cases/" + c[0]).then().statusCode(204);
        given().get("/api/nothing/SECRET7Q" + md5).then().statusCode(404);
        for (String malformed : List.of("/api/cases/" + c[0] + "?x=%zz", "/api/cases/" + c[0] + "/%zz", "/api/cases/SECRET7Q%zz")) {
            assertThat(rawGet(malformed)).as(malformed).startsWith("HTTP/1.1 400");
        }
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
