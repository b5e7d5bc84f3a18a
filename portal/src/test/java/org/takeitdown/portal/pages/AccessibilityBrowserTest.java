package org.takeitdown.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.takeitdown.portal.cases.CaseApi;
import org.takeitdown.portal.cases.CaseService;
import org.takeitdown.portal.web.Browser;

/** axe-core on every page of the flow, in English and Spanish, at phone width: no serious or critical violations. */
@QuarkusTest
class AccessibilityBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    CaseService cases;

    private ChromeDriver driver;
    private final List<String> problems = new ArrayList<>();
    private int checked;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void check(String what) {
        Results results = new AxeBuilder().analyze(driver);
        checked++;
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(what + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
    }

    private WebDriverWait waitUp(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolationsInEnglishAndSpanish() throws Exception {
        driver = Browser.start();
        Path png = Path.of(System.getProperty("vectors.dir", "../../shared/vectors"))
                .resolve("pdq/images/misc-images/c.png").toAbsolutePath().normalize();
        Path video = Path.of(System.getProperty("vectors.dir", "../../shared/vectors"))
                .resolve("vpdq/videos/doorknob-hd-no-bar.mp4").toAbsolutePath().normalize();
        for (String lang : List.of("en", "es")) {
            String q = "?lang=" + lang;
            for (String page : List.of("", "start", "adult", "help", "how-it-works", "hash", "cases/status", "impact", "platforms",
                    "participating", "what-happens-next", "about", "no-such-page")) {
                driver.get(root + page + q);
                check(lang + " /" + page);
            }
            driver.get(root + "start" + q);
            driver.findElement(By.id("age-unsure")).click();
            driver.findElement(By.id("start-continue")).click();
            waitUp(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("unsure-help")));
            check(lang + " /start, not sure");

            driver.get(root + "hash" + q);
            driver.findElement(By.id("file-input")).sendKeys(png.toString() + "\n" + video.toString());
            waitUp(60).until(d -> d.findElements(By.cssSelector("#file-list details")).size() == 2);
            check(lang + " /hash with a hashed image and video");
            driver.findElement(By.id("submit-hashes")).click();
            waitUp(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
            check(lang + " receipt");
            driver.findElement(By.id("saved-key")).click();

            driver.get(root + "cases/status" + q);
            driver.findElement(By.id("caseNumber")).sendKeys("AAAAA-AAAAA");
            driver.findElement(By.id("caseKey")).sendKeys("nope");
            driver.findElement(By.id("check")).click();
            waitUp(5).until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
            check(lang + " status, not found");

            CaseApi.Created c = cases.create(new CaseApi.ItemsRequest(List.of(new CaseApi.Item("other",
                    String.format("%032x", System.nanoTime()), null, null))), null);
            driver.get(root + "cases/status" + q);
            driver.findElement(By.id("caseNumber")).sendKeys(c.caseNumber());
            driver.findElement(By.id("caseKey")).sendKeys(c.caseKey());
            driver.findElement(By.id("check")).click();
            waitUp(5).until(ExpectedConditions.presenceOfElementLocated(By.id("status-items")));
            check(lang + " status");
            driver.findElement(By.id("withdraw")).click();
            waitUp(5).until(ExpectedConditions.presenceOfElementLocated(By.id("withdraw-error")));
            check(lang + " withdraw without confirming");
            driver.findElement(By.id("withdraw-confirm")).click();
            driver.findElement(By.id("withdraw")).click();
            waitUp(5).until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawn-message")));
            check(lang + " withdrawn");
        }
        assertThat(checked).isEqualTo(2 * 20);
        assertThat(problems).isEmpty();
    }
}
