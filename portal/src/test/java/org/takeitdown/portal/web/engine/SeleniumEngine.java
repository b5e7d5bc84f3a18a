package org.takeitdown.portal.web.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.remote.RemoteWebDriver;

/** An engine driven over classic WebDriver through Selenium (Chromium's chromedriver, WebKitWebDriver). */
public class SeleniumEngine implements Engine {
    private final String name;
    private final RemoteWebDriver driver;
    private final Runnable onClose;

    public SeleniumEngine(String name, RemoteWebDriver driver, Runnable onClose) {
        this.name = name;
        this.driver = driver;
        this.onClose = onClose;
    }

    /** The Selenium driver, for engine-specific tools (DevTools in Chromium, axe-core). */
    public WebDriver driver() {
        return driver;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(String url) {
        driver.get(url);
    }

    @Override
    public Object js(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(body, args);
    }

    @Override
    public Object jsAsync(String body, Object... args) {
        String wrapped = "const done = arguments[arguments.length - 1];"
                + "const args = Array.prototype.slice.call(arguments, 0, arguments.length - 1);"
                + "(async function () {" + body + "}).apply(null, args)"
                + ".then(v => done({ok: v}), e => done({error: String(e) + '\\n' + String(e && e.stack || '')}));";
        @SuppressWarnings("unchecked")
        var result = (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(wrapped, args);
        if (result.containsKey("error")) {
            throw new AssertionError(name + ": script failed: " + result.get("error"));
        }
        return result.get("ok");
    }

    @Override
    public void click(String css) {
        WebElement element = driver.findElement(By.cssSelector(css));
        // As a person scrolls a control into sight before tapping it: WebKitWebDriver's own scrolling does not
        // move the page when targets carry scroll-margin (the pages keep them clear of the sticky header).
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        element.click();
    }

    @Override
    public void type(String css, String text) {
        driver.findElement(By.cssSelector(css)).sendKeys(text);
    }

    @Override
    public void setFiles(String css, List<Path> files) {
        driver.findElement(By.cssSelector(css))
                .sendKeys(String.join("\n", files.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    @Override
    public void pressKeys(String... keys) {
        Actions actions = new Actions(driver);
        for (String key : keys) {
            actions.keyDown(key).keyUp(key);
        }
        actions.perform();
    }

    @Override
    public void back() {
        driver.navigate().back();
    }

    @Override
    public void forward() {
        driver.navigate().forward();
    }

    @Override
    public String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public String title() {
        return driver.getTitle();
    }

    /**
     * Sizes the window to {@code width × height}, measures what its frame takes, and grows it by that much. WebKitGTK
     * applies a new size after answering, so each step waits until the page sees it: read at once, the inner width
     * was once still the earlier 1024 px, and the window was asked for a width of -244.
     */
    @Override
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        waitFor("window.innerWidth <= " + width + " && window.innerHeight <= " + height, Duration.ofSeconds(10),
                "the window at most " + width + "×" + height);
        Number innerW = (Number) js("return window.innerWidth;");
        Number innerH = (Number) js("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(2 * width - innerW.intValue(), 2 * height - innerH.intValue()));
        waitFor("window.innerWidth === " + width + " && window.innerHeight === " + height, Duration.ofSeconds(10),
                "a viewport of " + width + "×" + height);
    }

    @Override
    public void quit() {
        Engines.forget(this);
        try {
            driver.quit();
        } finally {
            onClose.run();
        }
    }
}
