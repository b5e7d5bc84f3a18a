package org.takeitdown.portal.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.platform.PlatformApi;
import org.takeitdown.portal.platform.PlatformService;

/** The pages a teenager looks for, titles, unknown addresses, the impact figures and the API document. */
@Tag("database")
@QuarkusTest
class TeenPagesTest {
    private static final List<String> PAGES = List.of("/", "/start", "/adult", "/how-it-works", "/help", "/hash",
            "/cases/status", "/impact", "/platforms", "/participating", "/what-happens-next", "/about");

    @Inject
    PlatformService platforms;

    @Inject
    CaseService cases;

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertThat(m.find()).as("a <title>").isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyPageHasItsOwnTitleEndingWithTheSiteName(String lang) {
        String site = lang.equals("es") ? "Centro de ayuda" : "Help center";
        Set<String> titles = new HashSet<>();
        for (String path : PAGES) {
            String html = given().queryParam("lang", lang).get(path).then().statusCode(200).extract().asString();
            String title = title(html);
            assertThat(title).as(path).endsWith(site);
            assertThat(titles.add(title)).as("title of %s is not shared: %s", path, title).isTrue();
            assertThat(html).as(path).contains("<link rel=\"icon\" href=\"data:,\">");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/es", "/index.html", "/favicon.ico", "/no/such/page", "/css/missing.css"})
    void unknownAddressesGetACalmPageWithQuickExitAndAWayBack(String path) {
        given().get(path).then().statusCode(404).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", "no-store")
                .body(containsString("We couldn&#39;t find that page")).body(containsString("id=\"quick-exit\""))
                .body(containsString("id=\"not-found-home\" href=\"/\""));
        given().queryParam("lang", "es").get(path).then().statusCode(404)
                .body(containsString("No encontramos esa página")).body(containsString("lang=\"es\""));
        given().header("Accept-Language", "es").get(path).then().statusCode(404)
                .body(containsString("No encontramos esa página"));
    }

    @Test
    void anUnexpectedErrorGetsACalmPageInThePagesLanguageWithQuickExit() {
        given().get("/failing-page-for-tests").then().statusCode(500).contentType(containsString("text/html"))
                .body(containsString("<title>Something went wrong · Help center</title>"))
                .body(containsString("Nothing you sent is lost")).body(containsString("id=\"quick-exit\""))
                .body(containsString("href=\"/\""));
        given().header("Accept-Language", "es").get("/failing-page-for-tests").then().statusCode(500)
                .body(containsString("Algo salió mal")).body(containsString("lang=\"es\""));
    }

    @Test
    void unknownApiAddressesStayProblemJson() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
        given().get("/api/cases/AAAAA-AAAAA/nothing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void whatHappensNextSaysWhoIsToldAndHowLongItTakes() {
        given().get("/what-happens-next").then().statusCode(200)
                .body(containsString("not your parents, not your school, not the police"))
                .body(containsString("may have to report that image")).body(containsString("Nothing from you is in that report"))
                .body(containsString("How long it takes")).body(containsString("didn&#39;t break its rules"));
        given().queryParam("lang", "es").get("/what-happens-next").then()
                .body(containsString("ni a tus padres, ni a tu escuela, ni a la policía"));
    }

    @Test
    void aboutPageSaysWhatIsKeptWhatNeverIsAndHowLongWithdrawnHashesStay() {
        given().get("/about").then().statusCode(200)
                .body(containsString("have not added their details yet"))
                .body(containsString("IP address")).body(containsString("never leave your device"))
                .body(containsString("encrypted, for 180 more days"))
                .body(containsString("never sent to a platform that did not already have them"));
        given().queryParam("lang", "es").get("/about").then().body(containsString("cifrados, durante 180 días más"));
    }

    @Test
    void participatingPlatformsListsOnlyThoseThatChoseToBeListed() {
        String shown = "Listed " + System.nanoTime();
        String hidden = "Unlisted " + System.nanoTime();
        PlatformApi.PlatformKey a = platforms.create(new PlatformApi.NewPlatform(shown, null));
        platforms.create(new PlatformApi.NewPlatform(hidden, null));
        given().get("/participating").then().statusCode(200).body(not(containsString(shown)))
                .body(not(containsString(hidden)));
        platforms.setListing(a.id(), new PlatformApi.Listing(true, "Photos and videos in public posts"));
        given().get("/participating").then().statusCode(200).body(containsString(shown))
                .body(containsString("What they check: <bdi>Photos and videos in public posts</bdi>"))
                .body(not(containsString(hidden))).body(not(containsString("id=\"no-listed\"")));
        platforms.revoke(a.id());
        given().get("/participating").then().body(not(containsString(shown)));
    }

    @Test
    void theLandingPageLinksParticipatingPlatformsAndGivesThePrivateWindowTip() {
        given().get("/").then().body(containsString("id=\"participating-link\" href=\"/participating\""))
                .body(containsString("private or incognito")).body(containsString("press Shift three times"));
        given().get("/help").then().body(containsString("What it can&#39;t hide"));
    }

    @Test
    void statusPageExplainsEachOutcomeInPlainWords() {
        CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        given().formParam("caseNumber", c.caseNumber()).formParam("caseKey", c.caseKey()).post("/cases/status").then()
                .statusCode(200).body(containsString("its team is checking it"))
                .body(containsString("removed it, or stopped it from being posted"))
                .body(containsString("doesn&#39;t mean you did anything wrong"));
    }

    @Test
    void theAgeQuestionHasWordsForAnAdultHelping() {
        given().get("/start").then().body(containsString("data-helper=\"How old was the person in the image or video?\""));
        given().formParam("age", "unsure").formParam("who", "helper").post("/start").then().statusCode(200)
                .body(containsString(">How old was the person in the image or video?</legend>"))
                .body(containsString("If they might have been under 18"))
                .body(containsString("id=\"who-helper\" checked"));
        given().formParam("age", "unsure").formParam("who", "me").post("/start").then().statusCode(200)
                .body(containsString(">How old were you in the image or video?</legend>"));
        given().queryParam("lang", "es").get("/start").then()
                .body(containsString("Si es posible que tuvieras menos de 18 años"))
                .body(not(containsString("podrías"))).body(not(containsString("eras adulto")));
    }

    @Test
    void thePickerOpensThePhotoLibraryAndASecondTakesAnyFile() {
        given().get("/hash").then()
                .body(containsString("id=\"file-input\" multiple accept=\"image/*,video/*\""))
                .body(containsString("id=\"file-input-any\" multiple class"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void noPageShowsHashNamesOutsideTheDetails(String lang) {
        for (String path : List.of("/", "/start", "/how-it-works", "/hash", "/help", "/what-happens-next", "/about")) {
            String html = given().queryParam("lang", lang).get(path).then().extract().asString();
            assertThat(html).as(path).doesNotContain("MD5").doesNotContain("PDQ");
        }
    }

    @Test
    void impactFiguresAgreeWithTheWeeklyTableAndHideAZeroPlatformCount() {
        cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                String.format("%032x", System.nanoTime()), null, null))), null);
        String html = given().get("/impact").then().statusCode(200).extract().asString();
        long total = figure(html, "total-hashes");
        long weekly = 0;
        Matcher rows = Pattern.compile("<tr><th scope=\"row\">[^<]*</th><td>([\\d,]+)</td><td>([\\d,]+)</td></tr>").matcher(html);
        long casesWeekly = 0;
        while (rows.find()) {
            casesWeekly += Long.parseLong(rows.group(1).replace(",", ""));
            weekly += Long.parseLong(rows.group(2).replace(",", ""));
        }
        assertThat(total).as("hashes received equal the weekly table's sum (every test hash is from this week)")
                .isEqualTo(weekly);
        assertThat(figure(html, "total-cases")).isEqualTo(casesWeekly);
        assertThat(figure(html, "active-hashes")).isLessThanOrEqualTo(total);
        if (platforms.countActive() == 0) {
            assertThat(html).doesNotContain("id=\"total-platforms\"");
        } else {
            assertThat(figure(html, "total-platforms")).isEqualTo(platforms.countActive());
        }
    }

    private static long figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([\\d,]+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void theApiDocumentDescribesOnlyTheJsonApi() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).isNotEmpty();
        assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/"), "every path is under /api/");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas.keySet()).doesNotContain("TemplateInstance", "EngineImpl", "Template", "Engine",
                "Response", "UriInfo", "HttpHeaders");
    }
}
