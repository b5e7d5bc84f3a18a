package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.pdq.PdqHash;
import org.takeitdown.portal.web.Browser;
import org.takeitdown.portal.web.RequestBodies;
import org.takeitdown.portal.web.RequestBytes;
import org.takeitdown.portal.web.SharedRuns;

/**
 * The whole teen flow in headless Chromium: the page's hashes equal the CLI's, then the case life
 * cycle; every request the browser sends is recorded (DevTools and a server-side byte counter) to
 * prove that no part of a file leaves the device.
 */
@QuarkusTest
class TeenFlowBrowserTest {
    private static final int RUN = 64;
    private static final long FLOW_BUDGET = 64 * 1024;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RequestBytes serverCount;

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
        waitUp(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
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
        RequestBodies sent = RequestBodies.record(driver);
        serverCount.reset();
        driver.get(root.toString());
        long history = (Long) driver.executeScript("return history.length");
        driver.findElement(By.id("get-started")).click();
        waitUp(10).until(ExpectedConditions.urlContains("/start"));
        driver.findElement(By.id("age-under")).click();
        driver.findElement(By.id("who-me")).click();
        driver.findElement(By.id("start-continue")).click();
        waitUp(10).until(ExpectedConditions.urlContains("/hash"));
        assertThat(driver.executeScript("return history.length")).as("flow steps replace history entries")
                .isEqualTo(history);

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
        assertThat(driver.executeScript("return history.length")).isEqualTo(history);
        driver.findElement(By.id("saved-key")).click();

        checkStatus(number, key, "3");
        driver.findElement(By.id("add-more")).click();
        waitUp(10).until(ExpectedConditions.presenceOfElementLocated(By.id("adding-to")));
        assertThat(driver.getCurrentUrl()).doesNotContain(number);
        chooseFiles(List.of(vectors().resolve("pdq/images/misc-images/wee.jpg")));
        driver.findElement(By.id("submit-hashes")).click();
        waitUp(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));
        driver.findElement(By.id("saved-key")).click();

        checkStatus(number, key, "4");
        driver.findElement(By.id("withdraw-confirm")).click();
        driver.findElement(By.id("withdraw")).click();
        waitUp(10).until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawn-message")));
        checkStatus(number, key, "4");
        assertThat(driver.findElement(By.id("status-state")).getText()).isEqualTo("Withdrawn");

        assertNoFileContentSent(sent, files);
    }

    @Test
    void anEmptyFileIsMarkedUnusableNextToItsNameAndTheRestIsSentOnceItIsRemoved() throws Exception {
        driver = Browser.start();
        Path empty = Files.createTempFile("nothing", ".txt");
        try {
            driver.get(root + "hash");
            chooseFiles(List.of(vectors().resolve("pdq/images/misc-images/c.png"), empty));
            driver.findElement(By.id("submit-hashes")).click();
            waitUp(30).until(d -> d.findElement(By.id("submit-message")).getText().contains("can't be used"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#file-list li"));
            assertThat(rows.get(1).findElement(By.cssSelector(".state")).getText())
                    .isEqualTo("This file is empty or isn't a real picture or video, so it can't be used. Please remove it.");
            assertThat(rows.get(0).findElement(By.cssSelector(".state")).getText()).doesNotContain("can't be used");
            assertThat(driver.findElements(By.id("case-number")).stream().filter(WebElement::isDisplayed)).isEmpty();
            rows.get(1).findElement(By.cssSelector("button.remove")).click();
            driver.findElement(By.id("submit-hashes")).click();
            waitUp(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
            driver.findElement(By.id("saved-key")).click();
            checkStatus(driver.findElement(By.id("case-number")).getText(), driver.findElement(By.id("case-key")).getText(), "1");
        } finally {
            Files.delete(empty);
        }
    }

    /** No request body holds any 64-byte run of any selected file, and the whole flow sends < 64 KiB. */
    private void assertNoFileContentSent(RequestBodies sent, List<Path> files) throws Exception {
        List<byte[]> bodies = sent.all().stream().map(RequestBodies.Sent::body).toList();
        assertThat(sent.all()).filteredOn(s -> s.method().equals("POST")).extracting(RequestBodies.Sent::url)
                .anyMatch(u -> u.endsWith("/api/cases"));
        List<Path> all = new ArrayList<>(files);
        all.add(vectors().resolve("pdq/images/misc-images/wee.jpg"));
        for (Path file : all) {
            assertThat(SharedRuns.firstShared(Files.readAllBytes(file), bodies, RUN))
                    .as("offset of a %d-byte run of %s found in a request body", RUN, file.getFileName())
                    .isEqualTo(-1);
        }
        waitUp(5).until(d -> serverCount.bodyBytes() >= sent.bodyBytes());
        long total = serverCount.headBytes() + serverCount.bodyBytes();
        System.out.printf("Privacy proof: %d requests, %d bytes received by the server (%d in bodies; "
                + "DevTools saw %d body bytes in %d requests)%n", serverCount.requests(), total,
                serverCount.bodyBytes(), sent.bodyBytes(), sent.all().size());
        assertThat(serverCount.bodyBytes()).as("server and browser agree on body bytes").isEqualTo(sent.bodyBytes());
        assertThat(total).as("bytes the whole flow sent").isLessThan(FLOW_BUDGET);
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
        long history = (Long) driver.executeScript("return history.length");
        driver.findElement(By.id("age-over")).click();
        driver.findElement(By.id("start-continue")).click();
        waitUp(10).until(ExpectedConditions.urlContains("/adult"));
        assertThat(driver.executeScript("return history.length")).isEqualTo(history);
        assertThat(driver.findElement(By.id("stopncii")).getAttribute("href")).isEqualTo("https://stopncii.org/");
    }
}
