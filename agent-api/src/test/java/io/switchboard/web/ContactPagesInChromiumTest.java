package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The contacts page and the contact card in a real headless Chromium: an agent finds a contact by its number typed
 * as dialled at home, edits it in place, and a stale edit is refused without overwriting anyone's change; a
 * supervisor merges two duplicates from the card.
 */
class ContactPagesInChromiumTest extends ApplicationOnPostgres {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anAgentFindsAContactByItsNumberEditsItAndAStaleEditOverwritesNothing() {
        Browser.assumeInstalled();
        JsonNode created = Api.json(call(
                "POST",
                "/api/v1/contacts",
                TestUser.AGENT,
                "{\"name\":\"Ada Chromium\",\"company\":\"Chromium Engines\",\"tags\":[\"poet\"],"
                        + "\"phones\":[{\"type\":\"WORK\",\"number\":\"+49 30 5558 0101\"}]}"));
        long id = created.path("id").asLong();
        try (Browser agent = Browser.open(port)) {
            agent.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            agent.waiting(WAIT).until(ExpectedConditions.urlContains("/agent"));
            agent.go("/contacts");
            WebDriver page = agent.driver();
            // search as you type: the number as dialled at home, with a trunk 0 and a dash
            page.findElement(By.id("search")).sendKeys("030 5558-0101");
            // the list first shows every contact, then (typing paused) the one the number finds
            agent.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("page-info"), "1 contact, page 1 of 1"));
            assertThat(text(agent, "#contact-list tbody"))
                    .contains("Ada Chromium", "Chromium Engines", "+493055580101");
            agent.screenshot("contacts-search");
            agent.waiting(WAIT).until(driver -> {
                try {
                    driver.findElement(By.cssSelector("#contact-list tr[data-contact-id='" + id + "'] a"))
                            .click();
                    return true;
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return false;
                }
            });

            agent.waiting(WAIT).until(ExpectedConditions.urlContains("/contacts/" + id));
            agent.waiting(WAIT).until(driver -> "Ada Chromium".equals(value(driver, "contact-name")));
            WebElement notes = page.findElement(By.id("contact-notes"));
            notes.sendKeys("Prefers e-mail");
            page.findElement(By.id("contact-save")).click();
            agent.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("contact-status"), "Saved."));
            assertThat(contact(id).path("notes").asText()).isEqualTo("Prefers e-mail");
            assertThat(contact(id).path("tags").get(0).asText()).isEqualTo("poet");
            agent.screenshot("contact-card");

            // the supervisor changes the contact meanwhile; the agent's next save is made on the version read before
            assertThat(patch(id, "{\"email\":\"ada@supervisor.example\"}")).isEqualTo(200);
            WebElement company = page.findElement(By.id("contact-company"));
            company.clear();
            company.sendKeys("Overwritten Ltd");
            page.findElement(By.id("contact-save")).click();

            agent.waiting(WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("contact-error"), "Someone else changed this contact"));
            JsonNode stored = contact(id);
            assertThat(stored.path("email").asText()).isEqualTo("ada@supervisor.example");
            assertThat(stored.path("account").path("name").asText()).isEqualTo("Chromium Engines");
            assertThat(value(page, "contact-company"))
                    .as("what the agent typed is kept")
                    .isEqualTo("Overwritten Ltd");
            agent.screenshot("contact-card-conflict");
        }
    }

    @Test
    void aSupervisorMergesTwoDuplicatesFromTheCard() {
        Browser.assumeInstalled();
        long kept = Api.json(call(
                        "POST",
                        "/api/v1/contacts",
                        TestUser.AGENT,
                        "{\"name\":\"Grace Merge\",\"tags\":[\"navy\"],"
                                + "\"phones\":[{\"type\":\"WORK\",\"number\":\"+49 30 5558 0201\"}]}"))
                .path("id")
                .asLong();
        long duplicate = Api.json(call(
                        "POST",
                        "/api/v1/contacts",
                        TestUser.TEAMMATE,
                        "{\"name\":\"G. Merge\",\"email\":\"grace.merge@example.com\",\"tags\":[\"cobol\"],"
                                + "\"phones\":[{\"type\":\"MOBILE\",\"number\":\"030 5558 0201\"},"
                                + "{\"type\":\"HOME\",\"number\":\"+49 30 5558 0202\"}]}"))
                .path("id")
                .asLong();
        long ticket = Api.json(call(
                        "POST",
                        "/api/v1/tickets",
                        TestUser.TEAMMATE,
                        "{\"subject\":\"Compiler crashed\",\"contact\":" + duplicate + "}"))
                .path("id")
                .asLong();

        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(WAIT).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor.go("/contacts/" + kept);
            WebElement offer = supervisor
                    .waiting(WAIT)
                    .until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#duplicates li[data-contact-id='" + duplicate + "'] button")));
            assertThat(text(supervisor, "#duplicates li[data-contact-id='" + duplicate + "']"))
                    .contains("G. Merge", "same number");
            offer.click();
            supervisor.driver().findElement(By.cssSelector(".confirm-merge")).click();

            supervisor
                    .waiting(WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("merge-status"), "was merged"));
            supervisor
                    .waiting(WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets"), "Compiler crashed"));
            supervisor.screenshot("contact-merged");
        }
        assertThat(call("GET", "/api/v1/contacts/" + duplicate, TestUser.SUPERVISOR, null)
                        .statusCode())
                .isEqualTo(404);
        JsonNode merged = contact(kept);
        assertThat(merged.path("email").asText()).isEqualTo("grace.merge@example.com");
        assertThat(merged.path("phones")
                        .valueStream()
                        .map(phone -> phone.path("e164").asText()))
                .containsExactly("+493055580201", "+493055580202");
        assertThat(merged.path("tags").valueStream().map(JsonNode::asText)).containsExactlyInAnyOrder("navy", "cobol");
        assertThat(Api.json(call("GET", "/api/v1/tickets/" + ticket, TestUser.SUPERVISOR, null))
                        .path("contact")
                        .asLong())
                .isEqualTo(kept);
    }

    @Test
    void anUnknownCallersPopCreatesTheContactWithTheCardsForm() {
        Browser.assumeInstalled();
        try (Browser agent = Browser.open(port)) {
            agent.logIn(TestUser.TEAMMATE.username, TestUser.PASSWORD);
            agent.waiting(WAIT)
                    .until(driver ->
                            "up".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-cti")));
            // a long ring (simulated 120 s, 30 s here): the pop is redrawn when the call is answered
            simulator.run(new QueueCallAnswered(
                    new Caller("+493055580401", "Unknown Caller", "500"),
                    "support",
                    TestUser.TEAMMATE.extension,
                    120,
                    1,
                    HangupBy.CALLER));

            WebElement name = agent.waiting(WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop #new-contact-name")));
            assertThat(value(agent.driver(), "new-contact-phone-0")).isEqualTo("+493055580401");
            assertThat(agent.driver().findElements(By.id("new-contact-add-phone")))
                    .as("the card's own form, with its controls")
                    .hasSize(1);
            name.clear();
            name.sendKeys("Known Caller Now");
            agent.driver().findElement(By.id("new-contact-email")).sendKeys("known@example.com");
            agent.driver().findElement(By.id("new-contact-save")).click();

            agent.waiting(WAIT)
                    .until(ExpectedConditions.textToBe(
                            By.id("new-contact-status"), "Contact Known Caller Now created."));
        }
        JsonNode found = Api.json(call("GET", "/api/v1/contacts?q=030+55580401", TestUser.TEAMMATE, null))
                .path("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("email").asText()).isEqualTo("known@example.com");
    }

    private JsonNode contact(long id) {
        return Api.json(call("GET", "/api/v1/contacts/" + id, TestUser.SUPERVISOR, null));
    }

    private int patch(long id, String body) {
        return api.send(api.request(
                                "PATCH",
                                "/api/v1/contacts/" + id,
                                TestUser.SUPERVISOR.username,
                                TestUser.PASSWORD,
                                null)
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    private static String value(WebDriver driver, String id) {
        try {
            return driver.findElement(By.id(id)).getDomProperty("value");
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return null;
        }
    }

    /** An element's text once it is there; the page redraws lists, so a vanished element is read again. */
    private static String text(Browser browser, String css) {
        return browser.waiting(WAIT).until(driver -> {
            try {
                return driver.findElement(By.cssSelector(css)).getText();
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            }
        });
    }
}
