package org.takeitdown.portal.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.web.Messages;

/**
 * A new language is two files and one line of configuration: {@code messages/msg_nl.properties} and
 * {@code admin_nl.properties} (Dutch, shipped but not offered by default) plus {@code nl} added to
 * {@code quarkus.locales}, and nothing else.
 */
@Tag("embedded")
@QuarkusTest
@TestProfile(NewLanguageTest.WithDutch.class)
class NewLanguageTest {
    /** The one line of configuration. */
    public static class WithDutch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.locales", String.join(",", Messages.tags()) + ",nl");
        }
    }

    @Test
    void anAddedLanguageIsOfferedPickedAndUsedOnEveryPage() {
        Map<String, String> dutch = Messages.of("nl");
        given().queryParam("lang", "nl").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"nl\" dir=\"ltr\">"))
                .body(containsString(dutch.get("homeStart")))
                .body(containsString("href=\"/start?lang=nl\""));
        given().header("Accept-Language", "nl-BE, en;q=0.5").get("/help").then().statusCode(200)
                .body(containsString("<html lang=\"nl\"")).body(containsString(dutch.get("helpSext2")));
        given().get("/").then().body(containsString("hreflang=\"nl\">Nederlands</a>"));
    }
}
