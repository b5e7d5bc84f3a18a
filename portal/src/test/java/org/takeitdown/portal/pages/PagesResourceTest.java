package org.takeitdown.portal.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.web.Messages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@Tag("database")
@QuarkusTest
class PagesResourceTest {
    /** Each page with the message key of its heading. */
    static Stream<Arguments> pages() {
        return Stream.of(Arguments.of("/", "homeTitle"), Arguments.of("/start", "startTitle"),
                Arguments.of("/adult", "adultTitle"), Arguments.of("/how-it-works", "howTitle"),
                Arguments.of("/help", "helpTitle"), Arguments.of("/hash", "hashTitle"),
                Arguments.of("/cases/status", "statusTitle"), Arguments.of("/impact", "impactTitle"),
                Arguments.of("/platforms", "platformsTitle"), Arguments.of("/participating", "participatingTitle"),
                Arguments.of("/what-happens-next", "nextTitle"), Arguments.of("/about", "aboutTitle"),
                Arguments.of("/no-such-page", "notFoundTitle"));
    }

    /** Text as the templates write it into HTML. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** The text of the page's first heading, its character references read back. */
    private static String heading(String html) {
        Matcher m = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a heading").isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageRendersInEveryLanguageWithQuickExitAndHeaders(String path, String titleKey) {
        given().get(path).then()
                .header("Content-Security-Policy", containsString("default-src 'self'; script-src 'self'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Vary", containsString("Accept-Language"))
                .body(containsString("id=\"quick-exit\"")).body(not(containsString("<script>")));
        for (String lang : Messages.tags()) {
            Map<String, String> msg = Messages.of(lang);
            String dir = "ar".equals(lang) ? "rtl" : "ltr";
            String html = given().queryParam("lang", lang).get(path).then()
                    .statusCode(path.equals("/no-such-page") ? 404 : 200)
                    .body(containsString("<html lang=\"" + lang + "\" dir=\"" + dir + "\">"))
                    .body(containsString(escaped(msg.get("siteName")) + "</title>"))
                    .extract().asString();
            assertThat(heading(html)).as("%s %s", lang, path).isEqualTo(msg.get(titleKey));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"es-MX;q=0.9, en;q=0.1|es", "ar-EG|ar", "pt-PT|pt-BR", "zh-CN|zh-Hans", "fil|tl",
        "ja|en", "zh-TW, de;q=0.5|de"})
    void withoutAChoiceTheBrowsersLanguageIsUsed(String acceptLanguage, String expected) {
        given().header("Accept-Language", acceptLanguage).get("/help").then().statusCode(200)
                .body(containsString("<html lang=\"" + expected + "\""))
                .body(containsString(escaped(Messages.of(expected).get("helpSextortionTitle"))));
    }

    @Test
    void theLanguageMenuOnlyEverLinksWithinTheSite() {
        for (String path : List.of("//evil.example/x", "/%2F%2Fevil.example", "/a%22%3E%3Cb%3E", "/x/../..//evil.example")) {
            String html = given().urlEncodingEnabled(false).get(path).then().extract().asString();
            Matcher links = Pattern.compile("<li><a href=\"([^\"]*)\" lang=").matcher(html);
            int found = 0;
            while (links.find()) {
                assertThat(links.group(1)).as(path).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
                found++;
            }
            assertThat(found).as(path).isEqualTo(Messages.tags().size());
        }
    }

    @Test
    void aLanguageWithAFileButNotConfiguredIsNotOffered() {
        given().queryParam("lang", "nl").header("Accept-Language", "nl").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\"")).body(not(containsString("hreflang=\"nl\"")));
    }

    @Test
    void everyPageOffersEveryLanguageNamedInItself() {
        String html = given().queryParam("lang", "ar").get("/help").then().extract().asString();
        assertThat(html).contains("<a href=\"/help?lang=uk\" lang=\"uk\" hreflang=\"uk\">Українська</a>",
                "<a href=\"/help?lang=ar\" lang=\"ar\" hreflang=\"ar\" aria-current=\"true\">العربية</a>",
                "hreflang=\"zh-Hans\">简体中文</a>", "hreflang=\"pt-BR\">Português (Brasil)</a>");
    }

    @Test
    void theHelpPageSaysInEveryLanguageThatBackLeavesTheSiteAndWhatToUseInstead() {
        for (String lang : Messages.tags()) {
            given().queryParam("lang", lang).get("/help").then().statusCode(200)
                    .body(containsString(escaped(Messages.of(lang).get("helpBack"))));
        }
        assertThat(Messages.of("en").get("helpBack")).contains("Back leaves this site").contains("use the links on the page");
    }

    @Test
    void linksKeepTheChosenLanguage() {
        given().queryParam("lang", "es").get("/").then()
                .body(containsString("href=\"/start?lang=es\"")).body(containsString("href=\"/help?lang=es\""));
    }

    @Test
    void adultPageOffersAWayBackToTheQuestionInTheChosenLanguage() {
        given().queryParam("lang", "es").get("/adult").then().statusCode(200)
                .body(containsString("<a id=\"adult-back\" href=\"/start?lang=es\">Elegí la respuesta equivocada"));
    }

    @Test
    void hashingPageOffersAWayBackToTheQuestionsInTheChosenLanguage() {
        given().queryParam("lang", "es").get("/hash").then().statusCode(200)
                .body(containsString("<a id=\"change-answers\" href=\"/start?lang=es\">Volver a las preguntas<"));
        given().queryParam("lang", "es").get("/start").then().statusCode(200)
                .body(containsString("id=\"start-form\""));
    }

    @Test
    void homePageKeepsTheShiftKeyHintApartSoTouchScreensCanHideIt() {
        given().get("/").then().statusCode(200)
                .body(containsString("<span class=\"keys-only\">You can also press Shift three times to leave at once.</span>"));
        given().get("/css/site.css").then().statusCode(200)
                .body(containsString("@media (hover: none) and (pointer: coarse) { .drop-hint, .keys-only { display: none; } }"));
    }

    @Test
    void underEighteenGoesToHashingAndAdultsToStopNcii() {
        given().redirects().follow(false).formParam("age", "under").post("/start").then().statusCode(303)
                .header("Location", equalTo("/hash"));
        given().redirects().follow(false).formParam("age", "over").queryParam("lang", "es").post("/start").then()
                .statusCode(303).header("Location", equalTo("/adult?lang=es"));
        given().formParam("age", "unsure").post("/start").then().statusCode(200).body(containsString("StopNCII.org helps adults"));
        given().formParam("who", "me").post("/start").then().statusCode(400).body(containsString("Please choose an answer about age."));
    }

    @Test
    void helpPageGivesTiplineCrisisLineAndSextortionSteps() {
        given().get("/help").then().statusCode(200)
                .body(containsString("24 hours a day")).body(containsString("1-800-THE-LOST"))
                .body(containsString("CyberTipline.org")).body(containsString("https://report.cybertip.org"))
                .body(containsString("988")).body(containsString("Don&#39;t pay"))
                .body(containsString("private or incognito"));
    }

    @Test
    void howItWorksAndAboutSayAVideosHashesCarryTheirSecondWhichShowsRoughlyHowLongItIsInEveryLanguage() {
        assertThat(Messages.of("en").get("howA2Video")).contains("at which second of the video each of its hashes")
                .contains("roughly how long the video is");
        for (String lang : Messages.tags()) {
            String said = escaped(Messages.of(lang).get("howA2Video"));
            for (String path : List.of("/how-it-works", "/about")) {
                given().queryParam("lang", lang).get(path).then().statusCode(200)
                        .body(containsString("id=\"video-seconds\">" + said + "</"));
            }
        }
    }

    @Test
    void casePagesAreNotCached() {
        given().get("/cases/status").then().header("Cache-Control", "no-store");
        given().get("/hash").then().header("Cache-Control", "no-store");
    }
}
