package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ticket workbench in Chromium: a second-tier engineer has the workbench open when a first-tier agent escalates
 * a ticket to them; it arrives without a reload, counted in the page's title; they open it and answer the customer
 * from the ticket page, which shows the response in the conversation and the escalation in the history.
 */
class TicketWorkbenchInChromiumTest extends ApplicationOnPostgres {

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @BeforeAll
    void theAgentStaffsTierOneAndTheEngineerTierTwo() {
        staffTier("Tier 1", TestUser.AGENT);
        staffTier("Tier 2", TestUser.TEAMMATE);
    }

    @Test
    void aTierTwoEngineerSeesAnEscalatedTicketArriveLiveAndAnswersIt() {
        String subject = "Router reboots nightly " + System.nanoTime() % 100_000;
        // opened before the engineer's page is: if they staff Tier 1 too, its arrival there is not what is counted
        long id = id(json(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"" + subject + "\"}"))
                .path("id"));
        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn(TestUser.TEAMMATE.username, TestUser.PASSWORD);
            // the login's redirect first: a page asked for meanwhile would be replaced by it
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/tickets");
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> "up".equals(script(d, "return document.body.dataset.cti")));
            assertThat(browser.unlabelledFields()).isEmpty();
            assertThat(driver.getTitle()).isEqualTo("Tickets · Switchboard");

            json(call(
                    "POST",
                    "/api/v1/tickets/" + id + "/escalations",
                    TestUser.AGENT,
                    "{\"assignee\":\"" + TestUser.TEAMMATE.username + "\",\"reason\":\"firmware bug, needs tier 2\"}"));

            By row = By.cssSelector("#ticket-list tr[data-ticket-id='" + id + "']");
            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(row).isEmpty()
                            && d.findElement(row).getText().contains(subject));
            assertThat(driver.getTitle()).isEqualTo("(1) Tickets · Switchboard");
            assertThat(driver.findElement(By.id("news")).getText()).contains("escalated from Tier 1 to Tier 2");
            String rowText = text(browser, row);
            assertThat(rowText)
                    .contains("Tier 2")
                    .contains(TestUser.TEAMMATE.username)
                    .contains("First response");
            browser.screenshot("ticket-workbench");

            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(row).findElement(By.linkText(subject)).click();
                        return true;
                    });
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> d.findElement(By.id("ticket-title")).getText().contains(subject)
                            && d.findElement(By.id("history")).getText().contains("Escalated manually"));
            assertThat(browser.unlabelledFields()).isEmpty();
            assertThat(driver.findElement(By.id("history")).getText()).contains("firmware bug, needs tier 2");

            driver.findElement(By.id("message-text")).sendKeys("A firmware fix is on its way to you.");
            driver.findElement(By.id("send-response")).click();

            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("conversation"))
                            .getText()
                            .contains("A firmware fix is on its way to you."));
            browser.waiting(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("ticket-meta")).getText().startsWith("Open"));
            assertThat(driver.findElement(By.cssSelector("#conversation li[data-kind='RESPONDED']"))
                            .getText())
                    .contains(TestUser.TEAMMATE.username);
            browser.screenshot("ticket-page");

            JsonNode history = json(call("GET", "/api/v1/tickets/" + id + "/history", TestUser.ADMIN, null));
            List<String> kinds = new ArrayList<>();
            history.forEach(change -> kinds.add(change.path("kind").asText()));
            assertThat(kinds).containsSubsequence("CREATED", "ESCALATED_MANUALLY", "RESPONDED");
            assertThat(history.get(kinds.lastIndexOf("RESPONDED"))
                            .path("reason")
                            .asText())
                    .isEqualTo("A firmware fix is on its way to you.");
        }
    }

    @Test
    void aRetiredCategoryIsAFilterChoiceMarkedRetiredAndFindsItsTickets() {
        String subject = "Telex ribbon jammed " + System.nanoTime() % 100_000;
        long id = id(json(call(
                        "POST",
                        "/api/v1/tickets",
                        TestUser.AGENT,
                        "{\"subject\":\"" + subject + "\",\"category\":\"Hardware\"}"))
                .path("id"));
        // the category an admin has since taken off switchboard.tickets.categories: the ticket keeps it
        jdbc.update("update tickets set category = 'Telex' where id = ?", id);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.ADMIN.username, TestUser.PASSWORD);
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/tickets?view=ALL");
            By retired = By.cssSelector("#category option.retired[value='Telex']");
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.findElements(retired).isEmpty());
            WebDriver driver = browser.driver();
            assertThat(driver.findElement(retired).getText()).isEqualTo("Telex (retired)");

            new Select(driver.findElement(By.id("category"))).selectByValue("Telex");
            driver.findElement(By.id("apply")).click();

            By row = By.cssSelector("#ticket-list tr[data-ticket-id='" + id + "']");
            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(row).isEmpty()
                            && d.findElements(By.cssSelector("#ticket-list tbody tr"))
                                            .size()
                                    == 1
                            && d.findElement(row).getText().contains(subject + " · Telex"));
            assertThat(driver.findElement(By.id("list-error")).getText()).isEmpty();
        }
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String text(Browser browser, By locator) {
        return browser.waiting(Duration.ofSeconds(5))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(locator).getText());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static long id(JsonNode id) {
        return id.isObject() ? id.path("value").asLong() : id.asLong();
    }
}
