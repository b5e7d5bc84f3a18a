package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the router refuses before any resource runs gets the application's answers, not empty ones. */
@Tag("database")
@QuarkusTest
class HttpLayerAnswersTest {
    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String rawPath) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + rawPath)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void undecodableApiAddressGetsProblemJson() throws Exception {
        HttpResponse<String> res = get("/api/cases/%ZZ");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(res.body()).contains("a % in it must be followed by two hexadecimal digits");
    }

    @Test
    void undecodablePageAddressGetsTheCalmNotFoundPage() throws Exception {
        HttpResponse<String> res = get("/cases/%ZZ");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(res.body()).contains("id=\"not-found-page\"");
    }
}
