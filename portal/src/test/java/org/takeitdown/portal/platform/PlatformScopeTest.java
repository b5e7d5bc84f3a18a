package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.takeitdown.portal.platform.PlatformFixtures.admin;
import static org.takeitdown.portal.platform.PlatformFixtures.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Access scopes: a match-only key matches and sends feedback, and gets 403 for the list in every form. */
@Tag("database")
@QuarkusTest
class PlatformScopeTest {
    private static String matchOnlyKey(String name) {
        return admin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"scope\":\"match-only\"}")
                .post("/api/admin/platforms").then().statusCode(201).body("scope", equalTo("match-only"))
                .extract().path("apiKey");
    }

    @Test
    void aMatchOnlyKeyIsRefusedTheFeedExportExchangeAndVideoFramesWith403() {
        String key = matchOnlyKey("Matcher only");
        platform(key).get("/api/platform/v1/hashes").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("match-only"));
        platform(key).get("/api/platform/v1/hashes/export").then().statusCode(403)
                .contentType("application/problem+json");
        platform(key).get("/api/platform/v1/items/1/vpdq").then().statusCode(403);
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key)
                .get("/api/stopncii/v1/FetchHashes?startTimestamp=10&pageSize=800").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMatchOnlyKeyMatchesAndSendsFeedbackAndGetsNoCanaries() {
        String key = matchOnlyKey("Matcher with feedback");
        String pdq = PlatformFixtures.randomPdq();
        PlatformFixtures.newCase(PlatformFixtures.image(PlatformFixtures.md5(), pdq, 90));
        platform(key).contentType(ContentType.JSON).body("{\"pdq\":[\"" + pdq + "\"]}").post("/api/platform/v1/match")
                .then().statusCode(200);
        platform(key).contentType(ContentType.JSON).body("{\"id\":999999999,\"outcome\":\"blocked\"}")
                .post("/api/platform/v1/feedback").then().statusCode(404);
        given().header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key).contentType(ContentType.JSON)
                .body("{\"count\":1,\"hashFeedbacks\":[{\"hashValue\":\"" + pdq + "\",\"feedbackValue\":\"Blocked\",\"tags\":[]}]}")
                .post("/api/stopncii/v1/SubmitFeedback").then().statusCode(200).body("recorded", equalTo(1));
        long id = QuarkusTransaction.requiringNew().call(() ->
                Platform.<Platform>find("name", "Matcher with feedback").firstResult().id);
        PlatformFixtures.makeScheduledCanaries();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Canary.<Canary>list("platformId", id))).isEmpty();
    }

    @Test
    void aFullKeyIsTheDefaultAndAnUnknownScopeIsRefusedWithoutCreatingAPlatform() {
        admin().contentType(ContentType.JSON).body("{\"name\":\"Default scope\"}").post("/api/admin/platforms").then()
                .statusCode(201).body("scope", equalTo("full"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"Odd scope\",\"scope\":\"everything\"}")
                .post("/api/admin/platforms").then().statusCode(400).body("detail", containsString("scope"));
        assertThat(admin().get("/api/admin/platforms").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).contains("Default scope").doesNotContain("Odd scope");
    }

    @Test
    void theAdminPageCreatesAMatchOnlyPlatform() {
        String html = admin().contentType(ContentType.URLENC).formParam("name", "Form matcher")
                .formParam("scope", "match-only").post("/admin/platforms").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"api-key\"").contains("match-only");
        assertThat(admin().get("/api/admin/platforms").then().extract().jsonPath()
                .getString("find { it.name == 'Form matcher' }.scope")).isEqualTo("match-only");
    }

    @Test
    void aRequestWithoutAValidKeyIsRefusedBeforeItsBodyIsRead() {
        given().contentType(ContentType.JSON).body("{not json").post("/api/platform/v1/match").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Authorization: Bearer"));
        given().header("x-functions-key", "tid_wrong").header("Ocp-Apim-Subscription-Key", "x")
                .contentType(ContentType.JSON).body("{not json").post("/api/stopncii/v1/SubmitFeedback").then()
                .statusCode(401).header("WWW-Authenticate", "FunctionsKey").body("detail", containsString("not valid"));
    }

    @Test
    void noKeyStillAnswers401WithABearerChallenge() {
        given().get("/api/platform/v1/hashes").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
    }
}
