package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administration pages in a real headless Chromium: an admin creates an agent with extension 1003 from the users
 * page, the agent logs in with the first password, must choose their own, and a call to 1003 pops on their desktop.
 */
class AdminPagesInChromiumTest extends ApplicationOnPostgres {

    @Autowired
    CtiEdge edge;

    @Test
    void anAdminCreatesAnAgentWhoLogsInChoosesTheirPasswordAndGetsTheirFirstPop() {
        Browser.assumeInstalled();
        try (Browser admin = Browser.open(port)) {
            admin.logIn(TestUser.ADMIN.username, TestUser.PASSWORD);
            admin.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            admin.go("/admin/users");
            WebDriver page = admin.driver();
            // the team list is loaded by the page's script
            admin.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#user-team option[value='" + TestUser.SUPPORT + "']")));
            // one PBX: the page asks nothing about PBXes, as before there could be several
            assertThat(page.findElements(By.id("user-pbx"))).isEmpty();
            page.findElement(By.id("user-username")).sendKeys("ua-chromium");
            page.findElement(By.id("user-name")).sendKeys("Chris Chromium");
            new Select(page.findElement(By.id("user-role"))).selectByValue("AGENT");
            new Select(page.findElement(By.id("user-team"))).selectByValue(TestUser.SUPPORT);
            page.findElement(By.id("user-extension")).sendKeys("1003");
            page.findElement(By.id("user-email")).sendKeys("chris@example.com");
            page.findElement(By.id("user-password")).sendKeys("first-day-at-the-desk");
            page.findElement(By.id("save-user")).click();

            admin.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("user-saved"), "Saved ua-chromium."));
            page.findElement(By.id("search")).sendKeys("chromium");
            page.findElement(By.cssSelector("#search-form button[type='submit']"))
                    .click();
            // the list is redrawn by the search: read the row as it is once it shows the new user whole
            By row = By.cssSelector("#user-list tr[data-username='ua-chromium']");
            String shown = admin.waiting(Duration.ofSeconds(10)).until(driver -> {
                try {
                    String text = driver.findElement(row).getText();
                    return text.contains("must change password") ? text : null;
                } catch (org.openqa.selenium.NoSuchElementException
                        | org.openqa.selenium.StaleElementReferenceException e) {
                    return null;
                }
            });
            assertThat(shown).contains("Chris Chromium", "1003", TestUser.SUPPORT);
            admin.screenshot("admin-users");

            // the audit page shows who created them
            admin.go("/admin/audit");
            admin.driver().findElement(By.id("audit-subject")).sendKeys("ua-chromium");
            admin.driver()
                    .findElement(By.cssSelector("#audit-filter button[type='submit']"))
                    .click();
            String audited = admin.waiting(Duration.ofSeconds(10)).until(driver -> {
                String text =
                        driver.findElement(By.cssSelector("#audit-list tbody")).getText();
                return text.contains("user.created") ? text : null;
            });
            assertThat(audited).contains(TestUser.ADMIN.username, "user.password-reset", "Chris Chromium");
            assertThat(admin.driver().findElement(By.id("audit-export")).getDomAttribute("href"))
                    .contains("subjectId=ua-chromium");
        }

        try (Browser agent = Browser.open(port)) {
            agent.logIn("ua-chromium", "first-day-at-the-desk");
            // an admin set the password: the agent chooses their own before anything else
            agent.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/password"));
            WebDriver page = agent.driver();
            page.findElement(By.id("current-password")).sendKeys("first-day-at-the-desk");
            page.findElement(By.id("new-password")).sendKeys("my-very-own-passphrase");
            page.findElement(By.id("repeat-password")).sendKeys("my-very-own-passphrase");
            page.findElement(By.id("change-password")).click();
            agent.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/agent"));
            await().atMost(Duration.ofSeconds(10)).until(() -> edge.sessionsOf("ua-chromium") > 0);

            simulator.run(new QueueCallAnswered(
                    new Caller("+4930555100", "First Caller", "500"), "support", "1003", 20, 5, HangupBy.CALLER));

            WebElement pop = agent.waiting(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pop .pop-card")));
            assertThat(pop.getText()).contains("+4930555100");
            agent.screenshot("admin-created-agent-pop");
        } finally {
            // 1003 is a plain simulated phone in other tests that share this database
            call(
                    "PUT",
                    "/api/v1/users/ua-chromium",
                    TestUser.ADMIN,
                    "{\"role\":\"AGENT\",\"team\":\"" + TestUser.SUPPORT + "\"}");
        }
    }

    @Test
    void aSupervisorsWallboardShowsTheQueuesTheirTeamWorksAndEveryQueueOnRequest() {
        Browser.assumeInstalled();
        long team = io.switchboard.testing.Api.json(call("GET", "/api/v1/teams", TestUser.ADMIN, null))
                .valueStream()
                .filter(found -> found.path("name").asText().equals(TestUser.SUPPORT))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        assertThat(call("PUT", "/api/v1/teams/" + team + "/queues", TestUser.ADMIN, "{\"queues\":[\"support\"]}")
                        .statusCode())
                .isEqualTo(200);
        // both queues are known to the live board
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555201", "Support Caller", "500"),
                "support",
                TestUser.AGENT.extension,
                1,
                1,
                HangupBy.CALLER));
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555202", "Sales Caller", "500"),
                "sales",
                TestUser.TEAMMATE.extension,
                1,
                1,
                HangupBy.CALLER));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String queues = call("GET", "/api/v1/queues", TestUser.ADMIN, null).body();
            return queues.contains("\"support\"") && queues.contains("\"sales\"");
        });
        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#queues tr[data-queue='support']")));
            // drawn in the same pass as the support row: the team's queues only
            assertThat(supervisor.driver().findElements(By.cssSelector("#queues tr[data-queue='sales']")))
                    .isEmpty();

            supervisor.driver().findElement(By.id("all-queues")).click();

            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#queues tr[data-queue='sales']")));
        } finally {
            call("PUT", "/api/v1/teams/" + team + "/queues", TestUser.ADMIN, "{\"queues\":[]}");
        }
    }
}
