package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.activity.Activity;
import io.switchboard.contact.Contact;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * From a call to the ticket pages on the agent desktop, in Chromium: while the call is on, the pop's open ticket gets
 * the call ("Add this call") and a new ticket is opened about it ("Open ticket"); once it ended, the recent call is
 * added to a third ticket by its number; the links lead to the ticket's page, which lists the call with its activity.
 */
class DeskTicketLinksInChromiumTest extends ApplicationOnPostgres {

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void theAgentLinksACallToTicketsFromThePopAndTheRecentCalls() {
        String number = "+4930555706" + (10 + System.nanoTime() % 90);
        Contact customer = teamCustomer("Desk Links " + number, number);
        long existing = open("Modem keeps dropping", customer.id().value());
        long later = open("Follow-up visit", customer.id().value());

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.openDesktop();

            CompletableFuture<SimulatedCall> call = queueCall(number, TestUser.AGENT, 60);
            By popTicket = By.cssSelector("#pop .pop-card.talking .tickets li[data-ticket-id='" + existing + "']");
            browser.waiting(Duration.ofSeconds(20))
                    .until(d -> !d.findElements(popTicket).isEmpty());

            retrying(browser, d -> {
                d.findElement(popTicket)
                        .findElement(By.cssSelector(".add-call button"))
                        .click();
                return true;
            });
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(popTicket).getText().contains("Added to #" + existing));

            WebElement subject = driver.findElement(By.cssSelector("#pop .pop-ticket-subject"));
            subject.sendKeys("Line noise on the call", Keys.ENTER);
            WebElement opened = browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#pop .pop-ticket a.ticket-link")));
            long fromPop = Long.parseLong(opened.getText().replace("#", ""));
            assertThat(opened.getDomAttribute("href")).isEqualTo("/tickets/" + fromPop);

            Activity activity = activityOf(call);
            JsonNode popTicketNow = json(call("GET", "/api/v1/tickets/" + fromPop, TestUser.AGENT, null));
            assertThat(popTicketNow.path("subject").asText()).isEqualTo("Line noise on the call");
            assertThat(id(popTicketNow.path("contact"))).isEqualTo(customer.id().value());
            assertThat(callIds(existing)).contains(activity.callId());
            assertThat(callIds(fromPop)).contains(activity.callId());

            By row = By.cssSelector(
                    "#calls tr[data-activity-id='" + activity.id().value() + "']");
            browser.go("/agent");
            browser.waiting(Duration.ofSeconds(20))
                    .until(d -> !d.findElements(row).isEmpty());
            retrying(browser, d -> {
                d.findElement(row)
                        .findElement(By.cssSelector(".add-to-ticket input"))
                        .sendKeys("#" + later, Keys.ENTER);
                return true;
            });
            WebElement added = browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(row).findElement(By.cssSelector(".add-to-ticket a.ticket-link")));
            assertThat(callIds(later)).contains(activity.callId());
            browser.screenshot("agent-desktop-ticket-links");

            added.click();
            By callRow = By.cssSelector("#calls tr[data-call-id='" + activity.callId() + "']");
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.findElements(callRow).isEmpty());
            assertThat(driver.getCurrentUrl()).endsWith("/tickets/" + later);
            assertThat(driver.findElement(callRow).getText()).contains("Answered", "support");
        }
    }

    private long open(String subject, long contact) {
        return id(json(call(
                        "POST",
                        "/api/v1/tickets",
                        TestUser.AGENT,
                        "{\"subject\":\"" + subject + "\",\"contact\":" + contact + "}"))
                .path("id"));
    }

    private List<String> callIds(long ticket) {
        List<String> ids = new ArrayList<>();
        json(call("GET", "/api/v1/tickets/" + ticket, TestUser.AGENT, null))
                .path("callIds")
                .forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static <T> T retrying(Browser browser, java.util.function.Function<WebDriver, T> action) {
        return browser.waiting(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(action::apply);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static long id(JsonNode id) {
        return id.isObject() ? id.path("value").asLong() : id.asLong();
    }
}
