package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A form the parser refuses, past its 1,000 fields or with a malformed percent escape, is the sender's mistake: a calm
 * 400, and nothing at ERROR in the log.
 */
@Tag("database")
@QuarkusTest
class BadFormsTest {
    /** One more than {@code quarkus.http.limits.max-parameters}' default, 1,000. */
    private static final int FIELDS = 1001;
    private static final List<String> FORMS = List.of("/start", "/cases/status", "/cases/withdraw", "/hash/add");

    @TestHTTPResource("/")
    URL root;

    private static String form(int fields) {
        return IntStream.range(0, fields).mapToObj(i -> "f" + i + "=x").collect(Collectors.joining("&"));
    }

    private HttpResponse<String> post(HttpClient.Version version, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void formsWithTooManyFieldsAreACalm400PageWithNoErrorLoggedOverHttp1AndHttp2() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            for (HttpClient.Version version : HttpClient.Version.values()) {
                for (String path : FORMS) {
                    HttpResponse<String> r = post(version, path, form(FIELDS));
                    assertThat(r.statusCode()).as(version + " " + path).isEqualTo(400);
                    assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                            t -> assertThat(t).startsWith("text/html"));
                    assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
                    assertThat(r.body()).as(path).contains("id=\"not-allowed-page\"").contains("id=\"quick-exit\"");
                }
            }
            assertThat(logs.errors()).isEmpty();
        }
    }

    @Test
    void formsWithAMalformedPercentEscapeAreACalm400PageWithNoErrorLogged() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            for (String body : List.of("caseNumber=%zz", "caseNumber=abc%", "caseNumber=22222-22222&caseKey=%4")) {
                for (String path : FORMS) {
                    HttpResponse<String> r = post(HttpClient.Version.HTTP_1_1, path, body);
                    assertThat(r.statusCode()).as(path + " " + body).isEqualTo(400);
                    assertThat(r.body()).as(path).contains("id=\"not-allowed-page\"").contains("id=\"quick-exit\"");
                }
            }
            assertThat(logs.errors()).isEmpty();
        }
    }

    @Test
    void theAdminFormWithTooManyFieldsIsRefusedWithoutAnErrorLogged() throws Exception {
        try (LogRecords logs = LogRecords.listen()) {
            for (HttpClient.Version version : HttpClient.Version.values()) {
                int status = post(version, "/admin/platforms", form(FIELDS)).statusCode();
                assertThat(status).as(version.toString()).isBetween(400, 499);
            }
            assertThat(logs.errors()).isEmpty();
        }
    }

    @Test
    void aFormOfTheParsersLimitStillReachesItsPage() throws Exception {
        HttpResponse<String> r = post(HttpClient.Version.HTTP_1_1, "/cases/status",
                "caseNumber=22222-22222&caseKey=x&" + form(998));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("We couldn&#39;t find a case");
    }
}
