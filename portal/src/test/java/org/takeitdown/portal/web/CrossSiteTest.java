package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.takeitdown.portal.platform.PlatformFixtures.ADMIN_PASSWORD;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.newPlatformKey;
import static org.takeitdown.portal.platform.PlatformFixtures.other;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.cases.CaseItem;
import org.takeitdown.portal.cases.CaseStatus;
import org.takeitdown.portal.cases.ReportCase;
import org.takeitdown.portal.platform.MatchFeedback;
import org.takeitdown.portal.platform.Platform;

/**
 * Every state-changing endpoint, found by reflection over the JAX-RS resources, refuses requests a browser
 * sends from another site and changes nothing; the same requests from the site's own pages work.
 */
@Tag("database")
@QuarkusTest
class CrossSiteTest {
    /** What a real, successful call of each unsafe endpoint needs: its body and its success status. */
    private record Expected(String body, int status) {
    }

    /** Every unsafe endpoint (method and path template) with a body that would succeed. A new one must be added here. */
    private static Map<String, Expected> expectations(Target t) {
        return Map.ofEntries(
                Map.entry("POST /api/cases", new Expected("{\"items\":[" + other(md5()) + "]}", 201)),
                Map.entry("POST /api/cases/{number}/items", new Expected("{\"items\":[" + other(md5()) + "]}", 200)),
                Map.entry("DELETE /api/cases/{number}", new Expected(null, 204)),
                Map.entry("POST /cases/status", new Expected(null, 200)),
                Map.entry("POST /cases/withdraw", new Expected(null, 200)),
                Map.entry("POST /hash/add", new Expected(null, 200)),
                Map.entry("POST /start", new Expected(null, 303)),
                Map.entry("POST /api/admin/platforms", new Expected("{\"name\":\"Foreign\"}", 201)),
                Map.entry("POST /api/admin/platforms/{id}/rotate", new Expected(null, 200)),
                Map.entry("DELETE /api/admin/platforms/{id}", new Expected(null, 204)),
                Map.entry("POST /api/admin/items/{id}/remove", new Expected("{\"reason\":\"foreign\"}", 204)),
                Map.entry("POST /admin/platforms", new Expected(null, 200)),
                Map.entry("POST /admin/platforms/{id}/rotate", new Expected(null, 200)),
                Map.entry("POST /admin/platforms/{id}/revoke", new Expected(null, 200)),
                Map.entry("POST /admin/items/{id}/remove", new Expected(null, 200)),
                Map.entry("POST /api/admin/platforms/{id}/listing",
                        new Expected("{\"listed\":true,\"scans\":\"foreign\"}", 204)),
                Map.entry("POST /admin/platforms/{id}/listing", new Expected(null, 200)),
                Map.entry("POST /api/platform/v1/match", new Expected("{\"md5\":[\"" + t.hash + "\"]}", 200)),
                Map.entry("POST /api/platform/v1/feedback",
                        new Expected("{\"id\":" + t.itemId + ",\"outcome\":\"not_blocked\"}", 204)),
                Map.entry("POST /api/stopncii/v1/SubmitFeedback", new Expected("{\"count\":1,\"hashFeedbacks\":[{\"hashValue\":\""
                        + t.hash + "\",\"feedbackValue\":\"NotBlocked\",\"tags\":[]}]}", 200)),
                Map.entry("POST /api/admin/leaks", new Expected(t.hash, 200)),
                Map.entry("POST /admin/leaks", new Expected(null, 200)));
    }

    /** A fresh case, item and platform for the calls to act on. */
    private record Target(String number, String key, String hash, long itemId, long platformId, String platformKey) {
        static Target create() {
            String m = md5();
            String[] c = newCase(other(m));
            String platformKey = newPlatformKey("Target");
            return QuarkusTransaction.requiringNew().call(() -> new Target(c[0], c[1], m,
                    CaseItem.<CaseItem>find("md5", m).firstResult().id,
                    Platform.<Platform>listAll().stream().mapToLong(p -> p.id).max().orElseThrow(), platformKey));
        }

        String path(String template) {
            return template.replace("{number}", number)
                    .replace("{id}", Long.toString(template.contains("/items/") ? itemId : platformId));
        }

        /** Every credential and form field any endpoint could want, so that only the origin check can refuse. */
        RequestSpecification request(String template) {
            RequestSpecification r = given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig()
                    .followRedirects(false))).header("X-Case-Key", key);
            if (template.contains("/admin")) {
                r = r.auth().preemptive().basic("admin", ADMIN_PASSWORD);
            } else if (template.contains("/platform/")) {
                r = r.header("Authorization", "Bearer " + platformKey);
            } else if (template.contains("/stopncii/")) {
                r = r.header("x-functions-key", platformKey).header("Ocp-Apim-Subscription-Key", platformKey);
            }
            return r;
        }
    }

    /** The unsafe methods of every JAX-RS resource in the portal, as "METHOD /path/{template}". */
    static List<String> unsafeEndpoints() {
        return Endpoints.all().stream()
                .filter(e -> !List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).contains(e.verb()))
                .map(Endpoints.Endpoint::name).toList();
    }

    private static Response send(RequestSpecification r, String template, String path, String body) {
        String verb = template.substring(0, template.indexOf(' '));
        if (template.equals("POST /admin/leaks")) {
            r = r.multiPart("hashes", "no hashes");
        } else if (template.equals("POST /api/admin/leaks")) {
            r = r.contentType("text/plain").body(body);
        } else if (body != null) {
            r = r.contentType("application/json").body(body);
        } else if (verb.equals("POST")) {
            r = r.contentType("application/x-www-form-urlencoded");
        }
        return r.request(verb, path);
    }

    /** Form fields for the page forms (ignored by the API). */
    private static RequestSpecification withForm(RequestSpecification r, Target t, String template, String body) {
        if (body != null || !template.startsWith("POST")) {
            return r;
        }
        return r.formParam("caseNumber", t.number).formParam("caseKey", t.key).formParam("confirm", "yes")
                .formParam("name", "Foreign").formParam("reason", "foreign").formParam("age", "under")
                .formParam("listed", "yes").formParam("scans", "foreign");
    }

    /** Everything a foreign request could change: cases, items, platforms and their keys, feedback. */
    private static String state() {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.count() + " cases, "
                + ReportCase.count("status <> ?1", CaseStatus.active) + " withdrawn, " + CaseItem.count() + " items, "
                + CaseItem.count("status <> ?1", CaseStatus.active) + " retired, platforms "
                + Platform.<Platform>listAll().stream().map(p -> p.id + ":" + p.keyHmac + ":" + p.revoked + ":" + p.listed + ":" + p.scans).sorted().toList()
                + ", feedback " + MatchFeedback.<MatchFeedback>listAll().stream()
                .map(f -> f.itemId + ":" + f.platformId + ":" + f.outcome).sorted().toList());
    }

    /** The origin the tests' requests go to (RestAssured's base address and port). */
    private static String ownOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** How a browser marks a request from another site, one way each. */
    private static List<Map<String, String>> foreignHeaders() {
        return List.of(
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", ownOrigin()),
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"),
                Map.of("Origin", ownOrigin().replace("http:", "https:")),
                Map.of("Origin", RestAssured.baseURI + ":" + (RestAssured.port + 1)));
    }

    /** How the site's own pages, and programs that are not browsers, send them. */
    private static List<Map<String, String>> ownHeaders() {
        return List.of(
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", ownOrigin()),
                Map.of("Origin", ownOrigin()),
                Map.of());
    }

    @Test
    void theEnumerationFindsEveryKnownStateChangingEndpoint() throws Exception {
        assertThat(new TreeSet<>(unsafeEndpoints())).isEqualTo(new TreeSet<>(expectations(Target.create()).keySet()));
    }

    @Test
    void everyStateChangingEndpointRefusesRequestsFromOtherSitesAndChangesNothing() throws Exception {
        Target t = Target.create();
        Map<String, Expected> expected = expectations(t);
        String before = state();
        int refused = 0;
        for (String template : unsafeEndpoints()) {
            assertThat(expected).as("add %s to expectations()", template).containsKey(template);
            String path = template.substring(template.indexOf(' ') + 1);
            for (Map<String, String> headers : foreignHeaders()) {
                Response r = send(withForm(t.request(path), t, template, expected.get(template).body)
                        .headers(headers), template, t.path(path), expected.get(template).body);
                assertThat(r.statusCode()).as("%s with %s", template, headers).isEqualTo(403);
                assertThat(r.header("Cache-Control")).isEqualTo("no-store");
                assertThat(r.asString()).as("%s with %s", template, headers).doesNotContain(t.key);
                if (path.startsWith("/api")) {
                    assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
                    assertThat(r.asString()).contains("another website");
                } else {
                    assertThat(r.contentType()).startsWith(MediaType.TEXT_HTML);
                    assertThat(r.asString()).contains("id=\"cross-site\"", "nothing was changed");
                }
                refused++;
            }
        }
        assertThat(refused).isEqualTo(expected.size() * foreignHeaders().size());
        assertThat(state()).isEqualTo(before);
        given().header("X-Case-Key", t.key).get("/api/cases/" + t.number).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("active"));
    }

    @Test
    void theSameRequestsFromTheSitesOwnPagesAndFromServersWork() throws Exception {
        for (Map<String, String> headers : ownHeaders()) {
            for (String template : unsafeEndpoints()) {
                Target t = Target.create();
                Expected e = expectations(t).get(template);
                String path = template.substring(template.indexOf(' ') + 1);
                String before = state();
                Response r = send(withForm(t.request(path), t, template, e.body).headers(headers), template,
                        t.path(path), e.body);
                assertThat(r.statusCode()).as("%s with %s: %s", template, headers, r.asString()).isEqualTo(e.status);
                if (template.equals("POST /hash/add") || template.equals("POST /cases/status")) {
                    assertThat(r.asString()).contains(t.key);
                } else if (!template.equals("POST /start") && !template.equals("POST /api/platform/v1/match")
                        && !template.endsWith("/leaks")) {
                    assertThat(state()).as("%s with %s changed something", template, headers).isNotEqualTo(before);
                }
            }
        }
    }

    @Test
    void aRequestWithTheCaseKeyInAHeaderNeedsAPreflightThePortalNeverAllows() {
        Target t = Target.create();
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-case-key").options("/api/cases/" + t.number)
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue())
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRequestTheUserStartedThemselvesIsAllowed() {
        given().header("Sec-Fetch-Site", "none").formParam("age", "under").redirects().follow(false).post("/start")
                .then().statusCode(303);
    }

    @Test
    void safeMethodsAreNeverRefused() {
        given().header("Sec-Fetch-Site", "cross-site").get("/").then().statusCode(200);
        given().header("Origin", "null").head("/help").then().statusCode(200);
    }
}
