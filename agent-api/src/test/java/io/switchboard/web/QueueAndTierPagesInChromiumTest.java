package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The admin's queues and tiers pages in Chromium, used from the keyboard: a queue's display name and service level
 * threshold edited, a tier created with an SLA policy and a member added. Every field has a label.
 */
class QueueAndTierPagesInChromiumTest extends ApplicationOnPostgres {

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void anAdminEditsAQueuesDisplayNameAndThreshold() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> call("GET", "/api/v1/queue-settings/support", TestUser.ADMIN, null)
                                .statusCode()
                        == 200);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.ADMIN.username, TestUser.PASSWORD);
            browser.go("/admin/queues");
            WebDriver driver = browser.driver();
            By support = By.cssSelector("#queue-list tr[data-queue='support']");
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    // a full run once timed out here with no server error logged: say what the page showed instead
                    .withMessage(() -> "no row for the support queue at " + driver.getCurrentUrl() + ", the page says: "
                            + driver.findElements(By.id("queue-list-error")).stream()
                                    .map(WebElement::getText)
                                    .findFirst()
                                    .orElse("(no list error element)"))
                    .until(d -> !d.findElements(support).isEmpty());
            assertThat(browser.unlabelledFields()).isEmpty();

            driver.findElement(support).findElement(By.tagName("button")).sendKeys(Keys.ENTER);
            browser.waiting(Duration.ofSeconds(5))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "queue-display-name"
                            .equals(d.switchTo().activeElement().getAttribute("id")));
            WebElement name = driver.switchTo().activeElement();
            name.sendKeys("Support line");
            WebElement threshold = driver.findElement(By.id("queue-sl-seconds"));
            threshold.clear();
            threshold.sendKeys("15", Keys.ENTER);

            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(support).getText().contains("Support line")
                            && d.findElement(support).getText().contains("15 s"));
            assertThat(driver.findElement(By.id("queue-saved")).getText()).contains("support");
            browser.screenshot("admin-queues");
            var stored = Api.json(call("GET", "/api/v1/queue-settings/support", TestUser.ADMIN, null));
            assertThat(stored.path("displayName").asText()).isEqualTo("Support line");
            assertThat(stored.path("serviceLevelSeconds").asInt()).isEqualTo(15);
        } finally {
            // back to the defaults, for the other tests of the shared application
            call("PUT", "/api/v1/queue-settings/support", TestUser.ADMIN, "{}");
        }
    }

    @Test
    void anAdminCreatesATierAndAddsAMember() {
        String tier = "Tier Page " + System.nanoTime() % 100_000;
        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.ADMIN.username, TestUser.PASSWORD);
            browser.go("/admin/tiers");
            WebDriver driver = browser.driver();
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector("#tier-list tbody tr"))
                                    .isEmpty()
                            && !d.findElements(By.cssSelector("#tier-calendar option"))
                                    .isEmpty());
            assertThat(browser.unlabelledFields()).isEmpty();

            driver.findElement(By.id("tier-name")).sendKeys(tier);
            driver.findElement(By.id("tier-mailbox")).sendKeys("tier-page@example.com");
            driver.findElement(By.id("tier-first")).sendKeys("1");
            driver.findElement(By.id("tier-resolution")).sendKeys("8", Keys.ENTER);

            By row = By.cssSelector("#tier-list tr[data-tier='" + tier + "']");
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(row).isEmpty());
            // the table is drawn again after each change: reads retry a row replaced meanwhile
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(row).getText().contains("first response 1 h")
                            && d.findElement(row).getText().contains("resolution 8 h")
                            && d.findElement(row).getText().contains("tier-page@example.com"));

            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(row)
                                .findElement(By.name("username"))
                                .sendKeys(TestUser.TEAMMATE.username, Keys.ENTER);
                        return true;
                    });
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(row).getText().contains("(" + TestUser.TEAMMATE.username + ")"));
            assertThat(driver.findElement(By.id("tier-status")).getText()).contains("Added");
            browser.screenshot("admin-tiers");
        }
        String tiers = call("GET", "/api/v1/tiers", TestUser.ADMIN, null).body();
        assertThat(tiers)
                .contains(tier)
                .contains(TestUser.TEAMMATE.username)
                .contains("PT1H")
                .contains("tier-page@example.com");
        // an empty tier: deleted again, so other tests' escalations are as before
        assertThat(call("DELETE", "/api/v1/tiers/" + tier.replace(" ", "%20"), TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(204);
    }
}
