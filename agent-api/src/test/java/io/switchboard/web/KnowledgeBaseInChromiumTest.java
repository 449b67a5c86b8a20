package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.SimulatedCall;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base in Chromium: an agent's pop suggests articles for the call; a second-tier engineer answers an
 * escalated ticket with a suggested article, its link inserted into the response by keyboard; a hostile article
 * runs no script in the reader's page; the search page works from the keyboard and every field has a label; setting a
 * ticket's category and a tag on its page brings the articles for them.
 */
class KnowledgeBaseInChromiumTest extends ApplicationOnPostgres {

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
    void anAgentsPopSuggestsArticlesForTheCall() {
        String word = "fibrebox" + System.nanoTime() % 100_000;
        String number = "+4930555718" + (10 + System.nanoTime() % 90);
        long contact = teamCustomer("Pop Reader " + number, number).id().value();
        String tag = "beeper" + System.nanoTime() % 100_000;
        json(call(
                "POST",
                "/api/v1/tickets",
                TestUser.AGENT,
                "{\"subject\":\"The " + word + " keeps beeping\",\"contact\":" + contact
                        + ",\"category\":\"Hardware\",\"tags\":[\"" + tag + "\"]}"));
        long article = publish("Why the " + word + " beeps", "It wants a *firmware update*.", "support");
        // shares no word with the ticket and is for no queue: only the open ticket's category and tag bring it
        long forTheTicket = id(json(call(
                        "POST",
                        "/api/v1/kb/articles",
                        TestUser.SUPERVISOR,
                        "{\"title\":\"Spare parts by post\",\"body\":\"Order them online.\",\"tags\":[\"" + tag
                                + "\"],\"ticketCategories\":[\"Hardware\"],\"status\":\"PUBLISHED\"}"))
                .path("id"));

        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.openDesktop();

            CompletableFuture<SimulatedCall> call = queueCall(number, TestUser.AGENT, 30);
            By suggestion = By.cssSelector("#pop .suggested-articles li[data-article-id='" + article + "'] a");
            // text and link read in one go: the section is filled again as further suggestions arrive, which
            // leaves an element found earlier stale
            List<String> link = browser.waiting(Duration.ofSeconds(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement found = d.findElement(suggestion);
                        return List.of(found.getText(), String.valueOf(found.getDomAttribute("href")));
                    });

            assertThat(link.get(0)).isEqualTo("Why the " + word + " beeps");
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector(
                                    "#pop .suggested-articles li[data-article-id='" + forTheTicket + "']"))
                            .isEmpty());
            assertThat(link.get(1)).isEqualTo("/kb/" + article);
            assertThat(browser.driver().findElements(By.cssSelector("#pop .suggested-articles li")))
                    .hasSizeBetween(1, 3);
            browser.screenshot("agent-desktop-suggested-articles");
            activityOf(call);
        }
    }

    @Test
    void aTierTwoEngineerAnswersAnEscalatedTicketWithAnArticle() {
        String word = "greeting" + System.nanoTime() % 100_000;
        long ticket = id(json(call(
                        "POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"Voicemail " + word + " missing\"}"))
                .path("id"));
        long article =
                publish("Recording a voicemail " + word, "Dial **99**, then *1*, and speak after the tone.", "support");
        json(call(
                "POST",
                "/api/v1/tickets/" + ticket + "/escalations",
                TestUser.AGENT,
                "{\"assignee\":\"" + TestUser.TEAMMATE.username + "\",\"reason\":\"needs tier 2\"}"));

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn(TestUser.TEAMMATE.username, TestUser.PASSWORD);
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/tickets/" + ticket);
            By insert = By.cssSelector("#suggested-articles li[data-article-id='" + article + "'] button.insert-link");
            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(insert).isDisplayed());
            assertThat(browser.unlabelledFields()).isEmpty();

            WebElement message = driver.findElement(By.id("message-text"));
            message.sendKeys("Hello, this explains it:");
            // by keyboard: the button takes Enter like any button
            driver.findElement(insert).sendKeys(Keys.ENTER);
            String link = "/kb/" + article;
            browser.waiting(Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.id("message-text"))
                            .getDomProperty("value")
                            .contains(link));
            assertThat(message.getDomProperty("value"))
                    .isEqualTo("Hello, this explains it: Recording a voicemail " + word + ": http://127.0.0.1:" + port
                            + link);
            driver.findElement(By.id("send-response")).click();

            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("conversation")).getText().contains(link));
            browser.screenshot("ticket-page-article-link");
            JsonNode history = json(call("GET", "/api/v1/tickets/" + ticket + "/history", TestUser.ADMIN, null));
            boolean answered = false;
            for (JsonNode change : history) {
                answered |= change.path("kind").asText().equals("RESPONDED")
                        && change.path("reason").asText().contains(link);
            }
            assertThat(answered).as(history.toString()).isTrue();
        }
    }

    @Test
    void aHostileArticleRunsNoScriptAndTheSearchPageWorksByKeyboard() {
        String word = "hostile" + System.nanoTime() % 100_000;
        long article = publish(
                "The " + word + " article",
                "Hi <script>window.pwned = 1</script> <img src=x onerror=\"window.pwned = 2\">\n\n"
                        + "[click](javascript:window.pwned=3) <a href=\"javascript:window.pwned=4\">a</a>"
                        + " <svg onload=\"window.pwned=5\"></svg> **bold**",
                "support");

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/kb");
            assertThat(browser.unlabelledFields()).isEmpty();
            WebElement search = browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("kb-search")));
            search.sendKeys(word, Keys.ENTER);
            By result = By.cssSelector("#kb-results li[data-article-id='" + article + "'] a");
            // the list is drawn again as the typing's and the Enter's answers arrive: press Enter on the one there
            browser.waiting(Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(result).sendKeys(Keys.ENTER);
                        return true;
                    });

            browser.waiting(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("#article-body strong"))
                            .getText()
                            .equals("bold"));
            for (WebElement link : driver.findElements(By.cssSelector("#article-body a"))) {
                link.click();
            }
            // the page is still the article's (no script navigated away) and nothing set the flag
            assertThat(driver.getCurrentUrl()).endsWith("/kb/" + article);
            assertThat(script(driver, "return window.pwned === undefined")).isEqualTo(true);
            assertThat(driver.findElements(
                            By.cssSelector("#article-body script, #article-body svg, #article-body img")))
                    .isEmpty();
            browser.screenshot("kb-article");

            driver.findElement(By.id("article-helped")).click();
            browser.waiting(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("article-result")).getText().contains("counted"));
            JsonNode stats = json(call("GET", "/api/v1/kb/articles/" + article, TestUser.SUPERVISOR, null))
                    .path("stats");
            assertThat(stats.path("helpful").asLong()).isEqualTo(1);
            // a defused link (its javascript: target dropped) reloads the article: each load is a view
            assertThat(stats.path("views").asLong()).isPositive();
        }
    }

    @Test
    void settingATicketsCategoryAndTagOnItsPageChangesTheSuggestedArticles() {
        String word = "squeak" + System.nanoTime() % 100_000;
        String tag = "model" + System.nanoTime() % 100_000;
        long ticket =
                id(json(call("POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"Printer " + word + " noise\"}"))
                        .path("id"));
        long bySubject = publish("The " + word + " of a printer", "Oil the roller.", "support");
        long byCategory = id(json(call(
                        "POST",
                        "/api/v1/kb/articles",
                        TestUser.SUPERVISOR,
                        "{\"title\":\"Replacing a worn drum\",\"body\":\"Order part 7.\",\"tags\":[\"" + tag
                                + "\"],\"ticketCategories\":[\"Hardware\"],\"status\":\"PUBLISHED\"}"))
                .path("id"));
        By suggested = By.cssSelector("#suggested-articles li[data-article-id]");

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/tickets/" + ticket);
            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> suggestedIds(d, suggested).contains(String.valueOf(bySubject)));
            assertThat(suggestedIds(driver, suggested)).doesNotContain(String.valueOf(byCategory));
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector("#category-value option[value='Hardware']"))
                                    .size()
                            == 1);

            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category-value")))
                    .selectByValue("Hardware");
            WebElement tags = driver.findElement(By.id("tags-value"));
            tags.sendKeys(tag + ", squeaky");
            tags.sendKeys(Keys.ENTER);

            browser.waiting(Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> suggestedIds(d, suggested).contains(String.valueOf(byCategory)));
            assertThat(driver.findElement(By.id("ticket-meta")).getText())
                    .contains("Hardware")
                    .contains(tag);
            browser.screenshot("ticket-page-category");
            JsonNode saved = json(call("GET", "/api/v1/tickets/" + ticket, TestUser.AGENT, null));
            assertThat(saved.path("category").asText()).isEqualTo("Hardware");
            assertThat(saved.path("tags").toString()).contains(tag).contains("squeaky");
        }
    }

    private static List<String> suggestedIds(WebDriver driver, By suggested) {
        return driver.findElements(suggested).stream()
                .map(item -> item.getDomAttribute("data-article-id"))
                .toList();
    }

    private long publish(String title, String body, String queue) {
        return json(call(
                        "POST",
                        "/api/v1/kb/articles",
                        TestUser.SUPERVISOR,
                        "{\"title\":\"" + title + "\",\"body\":\"" + jsonText(body) + "\",\"queues\":[\"" + queue
                                + "\"],\"status\":\"PUBLISHED\"}"))
                .path("id")
                .asLong();
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Api.json(response);
    }

    private static long id(JsonNode id) {
        return id.isObject() ? id.path("value").asLong() : id.asLong();
    }
}
