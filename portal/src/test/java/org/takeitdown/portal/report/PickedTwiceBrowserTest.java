package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.takeitdown.portal.web.Vectors;
import org.takeitdown.portal.web.engine.Engine;
import org.takeitdown.portal.web.engine.Engines;

/**
 * The same file picked twice, under another name, later or in the same pick: the list keeps the one picked
 * first, in its place, the copy's hashing stops as soon as its MD5 is known, the live region says so, and
 * only one item is sent for it.
 */
@Tag("browser")
@QuarkusTest
class PickedTwiceBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/hash")
    URL hashPage;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("org.takeitdown.portal.web.engine.Engines#names")
    void aFilePickedTwiceShowsOnceInItsFirstPlaceStopsTheCopysWorkAndSaysSo(String engine) throws Exception {
        Path photo = tmp.resolve("photo.jpg");
        CameraPhotos.writeJpeg(photo, 3000, 2000, 7);
        Path photoAgain = Files.copy(photo, tmp.resolve("photo-again.jpg"));
        Path picture = Vectors.file("pdq/images/misc-images/c.png");
        Path pictureAgain = Files.copy(picture, tmp.resolve("c-again.png"));
        try (Engine e = Engines.start(engine)) {
            e.open(hashPage.toString());
            e.waitFor("!document.getElementById('hasher').hidden", Duration.ofSeconds(10), "the hasher shows");
            e.js(HashPoolBrowserTest.RECORD + " return true;");
            e.setFiles("#file-input", List.of(photo));
            e.waitFor("document.querySelector('#file-list details')", Duration.ofSeconds(120), "the photo is hashed");
            assertThat(e.text("#submit-message")).isEmpty();

            e.setFiles("#file-input", List.of(photoAgain, picture, pictureAgain));
            e.waitFor("document.querySelectorAll('#file-list li').length === 2"
                    + " && document.querySelectorAll('#file-list li details').length === 2",
                    Duration.ofSeconds(120), "the copies are dropped and the picture is hashed");
            assertThat(e.js("return [...document.querySelectorAll('#file-list li .name')].map((n) => n.textContent);"))
                    .as("each file once, where it was first picked").isEqualTo(List.of("photo.jpg", "c.png"));
            assertThat(e.text("#submit-message")).isEqualTo("You already added this one, so it's in the list just once.");
            assertThat(e.js("return document.getElementById('submit-message').getAttribute('role');")).isEqualTo("status");
            long dropped = (Long) e.js("return window.poolLog.received.filter((m) => m.id === 2 || m.id === 4).length;");
            assertThat(dropped).as("messages about the copies").isPositive();
            assertThat(e.js("return window.poolLog.received.filter((m) => m.id === 2"
                    + " && (m.type === 'done' || m.type === 'error')).length;"))
                    .as("the big photo's copy is not hashed on after its MD5").isEqualTo(0L);
            assertThat(e.js("return document.getElementById('submit-hashes').disabled;")).isEqualTo(false);

            e.js("window.sent = []; const f = window.fetch;"
                    + " window.fetch = (url, options) => { window.sent.push(options.body); return f(url, options); };"
                    + " return true;");
            e.click("#submit-hashes");
            e.waitFor("!document.getElementById('receipt').hidden", Duration.ofSeconds(30), "the receipt shows");
            @SuppressWarnings("unchecked")
            List<String> bodies = (List<String>) e.js("return window.sent;");
            assertThat(bodies).hasSize(1);
            JsonNode items = JSON.readTree(bodies.get(0)).get("items");
            assertThat(items).as("one item for each file").hasSize(2);
            assertThat(bodies.get(0)).doesNotContain("photo").doesNotContain("again").doesNotContain("c.png");
            e.click("#saved-key");
        }
    }
}
