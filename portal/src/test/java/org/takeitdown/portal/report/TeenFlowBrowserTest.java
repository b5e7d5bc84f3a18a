package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.web.Browser;

/** The whole teen flow in headless Chromium: the page's hashes equal the CLI's, then case life cycle. */
@QuarkusTest
class TeenFlowBrowserTest {
    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path vectors() {
        return Path.of(System.getProperty("vectors.dir", "../../shared/vectors")).toAbsolutePath().normalize();
    }

    private WebDriverWait waitUp(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void chooseFiles(List<Path> files) {
        WebElement input = driver.findElement(By.id("file-input"));
        input.sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
        waitUp(120).until(d -> d.findElements(By.cssSelector("#file-list li details")).size()
                + d.findElements(By.cssSelector("#file-list li .state.error")).size() >= files.size());
    }

    @Test
    void teenHashesOnDeviceSubmitsChecksAddsAndWithdraws() throws Exception {
        driver = Browser.start();
        List<Path> files = List.of(
                vectors().resolve("pdq/images/bridge-mods/aaa-orig.jpg"),
                vectors().resolve("pdq/images/misc-images/c.png"),
                vectors().resolve("vpdq/videos/doorknob-hd-no-bar.mp4"));
        driver.get(root.toString());
        driver.findElement(By.id("get-started")).click();
        driver.findElement(By.id("age-under")).click();
        driver.findElement(By.id("who-me")).click();
        driver.findElement(By.id("start-continue")).click();
        waitUp(10).until(ExpectedConditions.urlContains("/hash"));

        chooseFiles(files);
        List<WebElement> rows = driver.findElements(By.cssSelector("#file-list li"));
        assertThat(rows).hasSize(3);
        for (int i = 0; i < files.size(); i++) {
            FileHasher.Result cli = FileHasher.hash(files.get(i));
            String md5 = (String) driver.executeScript(
                    "return arguments[0].querySelector('code.md5').textContent", rows.get(i));
            assertThat(md5).as(files.get(i).toString()).isEqualTo(cli.md5);
            String pdq = (String) driver.executeScript(
                    "const c = arguments[0].querySelector('code.pdq'); return c ? c.textContent : null", rows.get(i));
            if (cli.pdq == null) {
                assertThat(pdq).isNull();
            } else if (files.get(i).toString().endsWith(".png")) {
                assertThat(pdq).isEqualTo(cli.pdq.hash().toHex());
            } else {
                int d = PdqHash.distance(pdq, cli.pdq.hash().toHex());
                System.out.println("Chromium JPEG decode vs ImageIO: " + d + " bits for " + files.get(i).getFileName());
                assertThat(d).isLessThanOrEqualTo(10);
            }
        }

        driver.findElement(By.id("submit-hashes")).click();
        waitUp(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
        String number = driver.findElement(By.id("case-number")).getText();
        String key = driver.findElement(By.id("case-key")).getText();
        assertThat(number).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
        assertThat(driver.getCurrentUrl()).doesNotContain(number).doesNotContain(key.replace("-", ""));

        checkStatus(number, key, "3");
        driver.findElement(By.id("add-more")).click();
        waitUp(10).until(ExpectedConditions.presenceOfElementLocated(By.id("adding-to")));
        assertThat(driver.getCurrentUrl()).doesNotContain(number);
        chooseFiles(List.of(vectors().resolve("pdq/images/misc-images/wee.jpg")));
        driver.findElement(By.id("submit-hashes")).click();
        waitUp(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));

        checkStatus(number, key, "4");
        driver.findElement(By.id("withdraw-confirm")).click();
        driver.findElement(By.id("withdraw")).click();
        waitUp(10).until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawn-message")));
        checkStatus(number, key, "4");
        assertThat(driver.findElement(By.id("status-state")).getText()).isEqualTo("Withdrawn");
    }

    private void checkStatus(String number, String key, String items) {
        driver.get(root + "cases/status");
        driver.findElement(By.id("caseNumber")).sendKeys(number);
        driver.findElement(By.id("caseKey")).sendKeys(key);
        driver.findElement(By.id("check")).click();
        waitUp(10).until(ExpectedConditions.presenceOfElementLocated(By.id("status-items")));
        assertThat(driver.findElement(By.id("status-items")).getText()).isEqualTo(items);
    }

    @Test
    void adultPathLandsOnStopNcii() throws Exception {
        driver = Browser.start();
        driver.get(root + "start");
        driver.findElement(By.id("age-over")).click();
        driver.findElement(By.id("start-continue")).click();
        waitUp(10).until(ExpectedConditions.urlContains("/adult"));
        WebDriver.Navigation nav = driver.navigate();
        assertThat(nav).isNotNull();
        assertThat(driver.findElement(By.id("stopncii")).getAttribute("href")).isEqualTo("https://stopncii.org/");
    }
}
