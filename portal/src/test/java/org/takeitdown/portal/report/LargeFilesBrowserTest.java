package org.takeitdown.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.portal.web.Browser;
import org.takeitdown.portal.web.WorkerHeap;

/** Big inputs in headless Chromium: a 300 MiB file in bounded memory, and a 48 MP photo drawn in tiles. */
@Tag("browser")
@QuarkusTest
class LargeFilesBrowserTest {
    private static final long MIB = 1024 * 1024;

    @TestHTTPResource("/hash")
    URL hashPage;

    @TempDir
    Path dir;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String shown(String selector) {
        return (String) driver.executeScript(
                "const c = document.querySelector(arguments[0]); return c ? c.textContent : null", selector);
    }

    @Test
    void hashes300MibFileWithJsHeapGrowingUnder64Mib() throws Exception {
        Path big = dir.resolve("big.bin");
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 300; i++) {
                for (int j = 0; j < chunk.length; j += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        chunk[j + k] = (byte) (v >>> (8 * k));
                    }
                }
                md5.update(chunk);
                out.write(chunk);
            }
        }
        driver = Browser.start();
        driver.get(hashPage.toString());
        try (WorkerHeap heap = WorkerHeap.attach(driver)) {
            WorkerHeap.Usage before = heap.usage();
            driver.findElement(By.id("file-input")).sendKeys(big.toString());
            long maxUsed = before.used();
            long maxBacking = before.backingStorage();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (shown("#file-list code.md5") == null && System.nanoTime() < deadline) {
                WorkerHeap.Usage u = heap.usage();
                maxUsed = Math.max(maxUsed, u.used());
                maxBacking = Math.max(maxBacking, u.backingStorage());
                Thread.sleep(50);
            }
            System.out.printf("300 MiB file: worker JS heap %d -> max %d KiB (growth %d KiB); "
                            + "ArrayBuffer backing store max %d KiB%n", before.used() / 1024, maxUsed / 1024,
                    (maxUsed - before.used()) / 1024, maxBacking / 1024);
            assertThat(shown("#file-list code.md5")).isEqualTo(HexFormat.of().formatHex(md5.digest()));
            assertThat(maxUsed - before.used()).as("worker JS heap growth").isLessThan(64 * MIB);
        }
    }

    @Test
    void hashes48MegapixelPhotoAtFullResolutionDrawnInTiles() throws Exception {
        int w = 8000;
        int h = 6000;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int r = (int) (127 + 120 * Math.sin(x / 700.0) * Math.cos(y / 450.0));
                int g = ((x / 500) + (y / 375)) % 2 == 0 ? 200 : 40;
                px[i] = (byte) ((x * 255) / w);
                px[i + 1] = (byte) g;
                px[i + 2] = (byte) r;
            }
        }
        Path photo = dir.resolve("photo-48mp.png");
        ImageIO.write(image, "png", photo.toFile());
        FileHasher.Result cli = FileHasher.hash(photo);

        driver = Browser.start();
        driver.get(hashPage.toString());
        driver.findElement(By.id("file-input")).sendKeys(photo.toString());
        new WebDriverWait(driver, Duration.ofMinutes(3)).until(d -> shown("#file-list code.pdq") != null
                || shown("#file-list .state.error") != null);
        assertThat(shown("#file-list code.pdq")).as("PDQ of 8000x6000 drawn in 4096-pixel tiles")
                .isEqualTo(cli.pdq.hash().toHex());
        assertThat(shown("#file-list code.md5")).isEqualTo(cli.md5);
    }
}
