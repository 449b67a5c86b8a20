package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium: Debian's {@code chromium} and {@code chromium-driver}, never a downloaded browser.
 * Without them a local run skips the browser tests and says why; on CI ({@code CI=true}) they are required.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Skips the calling test unless Chromium is installed (fails instead on CI). */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed)
                    .as("CI needs Debian's chromium and chromium-driver (.ci/run installs them)")
                    .isTrue();
        }
        Assumptions.assumeTrue(
                installed, "Browser tests skipped: install chromium and chromium-driver (apt-get) to run them");
    }

    public static Browser open(int port) {
        return open("http://127.0.0.1:" + port);
    }

    /**
     * A browser whose pages are at {@code base} (such as {@code http://desk.switchboard.test:8080}), started with
     * extra Chromium switches, for example {@code --host-resolver-rules=MAP desk.switchboard.test 127.0.0.2} to
     * reach the application by a name that only this browser knows.
     */
    public static Browser open(String base, String... chromiumSwitches) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en");
        options.addArguments(chromiumSwitches);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Browser(driver, base);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /**
     * Logs in through the form and waits for the server's answer page (the next page, or the login page again with
     * its error): a test that went to another page at once could cancel the login's submission in flight, and then
     * land on the login page instead (a full run once failed so).
     */
    public void logIn(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement loginPage = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("login")).click();
        waiting(Duration.ofSeconds(30)).until(gone(loginPage));
    }

    /** Goes to the agent desktop and waits until its CTI socket is up, so that calls from then on reach it. */
    public void openDesktop() {
        go("/agent");
        waiting(Duration.ofSeconds(15)).until(ctiUp());
    }

    /** A wait's condition: the page's desktop socket is open ({@code <body data-cti="up">}). */
    public static ExpectedCondition<Boolean> ctiUp() {
        return driver -> "up".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-cti"));
    }

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        // a condition that finds an element while the page is still being replaced (the redirect after a login) may
        // hold the old page's element: look again on the next poll instead of failing the wait
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * A wait's condition: {@code element} has left the page (the page was replaced, or the element removed). Unlike
     * {@code ExpectedConditions.stalenessOf} it also takes chromedriver's other answer for a node of a page being
     * replaced at that instant ("Node with given id does not belong to the document", an unknown error) as gone.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /**
     * The ids (else names) of the page's form fields in {@code main} that have neither a label nor an {@code
     * aria-label}: what a screen reader could not name. Empty when every field is named.
     */
    public List<?> unlabelledFields() {
        return (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [...document.querySelectorAll('main input, main select, main textarea')]"
                        + ".filter(f => f.labels.length === 0 && !f.getAttribute('aria-label'))"
                        + ".map(f => f.id || f.name);");
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}, the test's artefact. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
