package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.other;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Browser policies on every response, no-store on every answer the application makes, lenient Accept-Language. */
@Tag("database")
@QuarkusTest
class SecurityHeadersTest {
    private static final List<String> PAGES = List.of("/", "/start", "/hash", "/help", "/impact", "/how-it-works",
            "/adult", "/platforms", "/cases/status");

    private static ValidatableResponse hasBrowserPolicies(ValidatableResponse r) {
        return r.header("Permissions-Policy", containsString("camera=()"))
                .header("Permissions-Policy", containsString("microphone=()"))
                .header("Permissions-Policy", containsString("geolocation=()"))
                .header("Permissions-Policy", containsString("interest-cohort=()"))
                .header("Cross-Origin-Opener-Policy", equalTo("same-origin"))
                .header("Cross-Origin-Resource-Policy", equalTo("same-origin"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    private static ValidatableResponse hasStrictCsp(ValidatableResponse r) {
        return r.header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void everyPageAndApiAnswerIsNotStoredAndCarriesTheBrowserPolicies() {
        String[] c = newCase(other(md5()));
        for (String page : PAGES) {
            hasStrictCsp(hasBrowserPolicies(given().get(page).then().statusCode(200)))
                    .header("Cache-Control", "no-store");
        }
        hasStrictCsp(hasBrowserPolicies(admin().get("/admin").then().statusCode(200))).header("Cache-Control", "no-store");
        hasBrowserPolicies(given().header("X-Case-Key", c[1]).get("/api/cases/" + c[0]).then().statusCode(200))
                .header("Cache-Control", "no-store");
        hasBrowserPolicies(admin().get("/api/admin/platforms").then().statusCode(200)).header("Cache-Control", "no-store");
        hasBrowserPolicies(given().get("/api/cases/AAAAA-AAAAA").then().statusCode(404)).header("Cache-Control", "no-store");
    }

    @Test
    void frameworkAnswersOutsideTheApplicationAreNotStoredEither() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/health", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(200).header("Cache-Control", "no-store");
        }
    }

    @Test
    void theApiUiNamesTheSiteNotTheFrameworkAndUsesNoValidatorElsewhere() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("<title>Take It Down portal API</title>"))
                .body(not(containsString("Quarkus")))
                .body(not(containsString("validator.swagger.io")))
                .body(containsString("validatorUrl: 'none'"));
    }

    @Test
    void everyHtmlAnswerDeclaresUtf8() {
        String[] c = newCase(other(md5()));
        List<ValidatableResponse> answers = List.of(
                given().formParam("caseNumber", c[0]).formParam("caseKey", c[1]).post("/cases/status").then().statusCode(200),
                given().formParam("caseNumber", c[0]).formParam("caseKey", "x").post("/cases/status").then().statusCode(404),
                given().formParam("caseNumber", c[0]).formParam("caseKey", c[1]).post("/cases/withdraw").then().statusCode(400),
                given().formParam("caseNumber", c[0]).formParam("caseKey", "x").post("/hash/add").then().statusCode(404),
                given().formParam("caseNumber", c[0]).formParam("caseKey", c[1]).post("/hash/add").then().statusCode(200),
                given().get("/no-such-page").then().statusCode(404),
                given().get("/cases/no-such-page").then().statusCode(404),
                given().get("/js/no-such-script.js").then().statusCode(404),
                given().delete("/cases/status").then().statusCode(405),
                given().queryParam("lang", "ar").get("/cases/status").then().statusCode(200));
        for (ValidatableResponse r : answers) {
            r.header("Content-Type", equalTo("text/html;charset=UTF-8"));
        }
    }

    @Test
    void staticFilesKeepTheBrowserPoliciesAndMayBeCached() {
        hasStrictCsp(hasBrowserPolicies(given().get("/css/site.css").then().statusCode(200)))
                .header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void scriptsAndTheStylesheetAreCheckedAgainBeforeEachUseSoAnUpgradeReachesTheBrowserAtOnce() {
        for (String path : List.of("/js/hash-page.js", "/js/hash-worker.js", "/js/hasher.js", "/js/flow.js", "/css/site.css")) {
            String lastModified = given().get(path).then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                    .header("Last-Modified", notNullValue()).extract().header("Last-Modified");
            given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        }
    }

    @Test
    void answersCarryingTheCaseKeyAreNotStoredWhateverThePathSpelling() {
        String[] c = newCase(other(md5()));
        for (String path : List.of("/cases/status", "/cases;x/status", "/cases/status;x=1", "/hash/add", "/hash;x/add")) {
            given().urlEncodingEnabled(false).formParam("caseNumber", c[0]).formParam("caseKey", c[1]).post(path)
                    .then().statusCode(200)
                    .body(containsString(c[1])).header("Cache-Control", "no-store");
        }
        for (String path : List.of("/api/cases/" + c[0], "/api;x/cases/" + c[0], "/api/cases;x/" + c[0])) {
            given().urlEncodingEnabled(false).header("X-Case-Key", c[1]).get(path).then().statusCode(200)
                    .header("Cache-Control", "no-store");
        }
    }

    @Test
    void onlyTheHashingWorkerMayCompileWebAssemblyAndNothingMayEvaluateText() {
        for (String path : List.of("/js/hash-worker.js", "/js/hash-worker.js?x=1")) {
            hasStrictCsp(hasBrowserPolicies(given().urlEncodingEnabled(false).get(path).then().statusCode(200)))
                    .header("Content-Security-Policy", containsString("script-src 'self' 'wasm-unsafe-eval';"))
                    .header("Content-Security-Policy", not(containsString("'unsafe-eval'")));
        }
        for (String path : List.of("/hash", "/js/hash-page.js", "/js/pdq-wasm.js", "/js/pdq.wasm", "/js/hash-worker.jsx",
                "/js/hash-worker.js/x")) {
            given().urlEncodingEnabled(false).get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("eval")));
        }
        given().get("/js/pdq.wasm").then().statusCode(200).contentType("application/wasm");
    }

    @Test
    void theApiUiKeepsItsOwnPolicyWithFormActionSelf() {
        hasBrowserPolicies(given().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", containsString("'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"));
    }

    @Test
    void aMalformedAcceptLanguageFallsBackToEnglishOnEveryPage() {
        String malformed = ";;q=x,,@@, es;q=abc";
        for (String page : PAGES) {
            given().header("Accept-Language", malformed).get(page).then().statusCode(200)
                    .body(containsString("<html lang=\"en\" dir=\"ltr\">"));
            given().header("Accept-Language", "fr;q=abc, es-MX;q=0.8").get(page).then().statusCode(200)
                    .body(containsString("<html lang=\"es\" dir=\"ltr\">"));
        }
        admin().header("Accept-Language", malformed).get("/admin").then().statusCode(200)
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        String[] c = newCase(other(md5()));
        for (String form : List.of("/cases/status", "/hash/add")) {
            given().header("Accept-Language", malformed).formParam("caseNumber", c[0]).formParam("caseKey", c[1])
                    .post(form).then().statusCode(200).body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        }
        given().header("Accept-Language", malformed).formParam("age", "unsure").post("/start").then().statusCode(200);
        given().header("Accept-Language", malformed).header("Sec-Fetch-Site", "cross-site").formParam("age", "under")
                .post("/start").then().statusCode(403).body(containsString("<html lang=\"en\" dir=\"ltr\">"));
    }
}
