package org.takeitdown.portal.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@Tag("database")
@QuarkusTest
class PagesResourceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/|Get nude or sexual images of you taken down|Haz que quiten imágenes íntimas",
        "/start|How old were you in the image or video?|¿Qué edad tenías en la imagen o el video?",
        "/adult|https://stopncii.org|Ir a StopNCII.org",
        "/how-it-works|What is a hash?|¿Qué es un hash?",
        "/help|(800) 843-5678|Llama al",
        "/hash|Choose your files|Elige tus archivos",
        "/cases/status|Enter your case number and case key.|Escribe tu número de caso y tu clave.",
    })
    void everyPageRendersInEnglishAndSpanishWithQuickExitAndHeaders(String path, String english, String spanish) {
        given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'; script-src 'self'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString(english)).body(containsString("id=\"quick-exit\""))
                .body(containsString("Help center</title>")).body(not(containsString("<script>")));
        given().queryParam("lang", "es").get(path).then().statusCode(200)
                .body(containsString(spanish)).body(containsString("lang=\"es\""))
                .body(containsString("Centro de ayuda</title>"));
        given().header("Accept-Language", "es-MX,es;q=0.9").get(path).then().statusCode(200)
                .body(containsString(spanish));
    }

    @Test
    void linksKeepTheChosenLanguage() {
        given().queryParam("lang", "es").get("/").then()
                .body(containsString("href=\"/start?lang=es\"")).body(containsString("href=\"/help?lang=es\""));
    }

    @Test
    void underEighteenGoesToHashingAndAdultsToStopNcii() {
        given().redirects().follow(false).formParam("age", "under").post("/start").then().statusCode(303)
                .header("Location", containsString("/hash"));
        given().redirects().follow(false).formParam("age", "over").queryParam("lang", "es").post("/start").then()
                .statusCode(303).header("Location", containsString("/adult?lang=es"));
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
    void casePagesAreNotCached() {
        given().get("/cases/status").then().header("Cache-Control", "no-store");
        given().get("/hash").then().header("Cache-Control", "no-store");
    }
}
