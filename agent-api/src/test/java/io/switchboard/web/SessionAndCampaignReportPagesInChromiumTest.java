package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent sessions and campaign report pages in a real headless Chromium: an agent reads their own day, their
 * supervisor the team's; a campaign manager reads a campaign's day with its abandon rate over the cap.
 */
class SessionAndCampaignReportPagesInChromiumTest extends ApplicationOnPostgres {

    private static final String DAY = "2024-05-09";

    @Autowired
    private JdbcTemplate jdbc;

    private long campaign;
    private final String campaignName =
            "Spring offer " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void aDayOfSessionsAndACampaignDay() {
        // agent_events are append-only: this day (2024-05-09) is this class's own, no other test writes on it
        state(TestUser.AGENT, "08:00", "LOGGED_IN", null);
        call(TestUser.AGENT, "08:30", "08:45", 30);
        state(TestUser.AGENT, "10:00", "PAUSED", "Training");
        state(TestUser.AGENT, "11:00", "LOGGED_OUT", null);
        state(TestUser.TEAMMATE, "09:00", "LOGGED_IN", null);
        state(TestUser.TEAMMATE, "12:00", "LOGGED_OUT", null);

        campaign = jdbc.queryForObject(
                "insert into campaigns (name, status, dial_mode, queue, weekly_hours, closed_days, max_attempts,"
                        + " retry_delay_seconds, lead_order, abandon_cap, created_at, updated_at)"
                        + " values (?, 'PAUSED', 'PREDICTIVE', 'campaign', '[\"MON-FRI 09:00-17:00\"]', '[]', 3, '{}', 'DUE_FIRST',"
                        + " 0.03, now(), now()) returning id",
                Long.class,
                campaignName);
        for (int i = 0; i < 4; i++) {
            long lead = jdbc.queryForObject(
                    "insert into leads (campaign_id, e164, name, timezone, status, priority, attempts,"
                            + " next_attempt_at, created_at, updated_at)"
                            + " values (?, ?, ?, 'Europe/Berlin', 'DONE', 0, 1, now(), now(), now()) returning id",
                    Long.class,
                    campaign,
                    "+4930555200" + i,
                    "Lead " + i);
            boolean abandoned = i == 3;
            jdbc.update(
                    "insert into lead_attempts (lead_id, campaign_id, agent_id, agent_extension, started_at,"
                            + " ended_at, outcome, disposition) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    lead,
                    campaign,
                    abandoned ? null : user(TestUser.AGENT).id().value(),
                    abandoned ? null : TestUser.AGENT.extension,
                    at(DAY, "1" + i + ":00"),
                    at(DAY, "1" + i + ":03"),
                    abandoned ? "ABANDONED" : "HUMAN_ANSWERED",
                    abandoned ? null : "SALE");
        }
    }

    @Test
    void anAgentReadsTheirOwnDayAndTheirSupervisorTheTeams() {
        Browser.assumeInstalled();
        try (Browser agent = Browser.open(port)) {
            agent.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            agent.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/agent"));
            agent.driver().findElement(By.linkText("Agent sessions")).click();
            agent.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/reports/agents"));
            agent.go("/reports/agents?from=" + DAY + "&to=" + DAY);
            List<WebElement> rows = rows(agent, 1);
            assertThat(rows.get(0).getAttribute("data-agent")).isEqualTo(TestUser.AGENT.extension);
            assertThat(cells(rows.get(0)))
                    .startsWith(DAY, TestUser.AGENT.username + " (" + TestUser.AGENT.extension + ")", "3 h 00 min")
                    .contains("Training: 1 h 00 min", "15 min 00 s", "30 s", "1");
            assertThat(agent.driver().findElements(By.cssSelector("#sessions-charts figure canvas")))
                    .hasSize(6);
        }
        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor.go("/reports/agents?from=" + DAY + "&to=" + DAY);
            List<WebElement> rows = rows(supervisor, 2);
            assertThat(rows.get(1).getAttribute("data-agent")).isEqualTo(TestUser.TEAMMATE.extension);
            WebDriver page = supervisor.driver();
            page.findElement(By.id("sessions-agent")).sendKeys(TestUser.TEAMMATE.extension);
            page.findElement(By.cssSelector("#sessions-filter button[type='submit']"))
                    .click();
            rows(supervisor, 1);
            assertThat(page.findElement(By.id("sessions-export")).getAttribute("href"))
                    .contains("/api/v1/reports/agent-sessions.csv?", "agent=" + TestUser.TEAMMATE.extension);
            page.findElement(By.id("sessions-agent")).clear();
            page.findElement(By.cssSelector("#sessions-filter button[type='submit']"))
                    .click();
            rows(supervisor, 2);
            supervisor.screenshot("agent-sessions");
        }
    }

    @Test
    void aCampaignManagerReadsACampaignsDayOverItsCap() {
        Browser.assumeInstalled();
        try (Browser manager = Browser.open(port)) {
            manager.logIn(TestUser.CAMPAIGN_MANAGER.username, TestUser.PASSWORD);
            manager.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns"));
            manager.driver().findElement(By.linkText("Campaign reports")).click();
            manager.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/reports/campaigns"));
            manager.go("/reports/campaigns?from=" + DAY + "&to=" + DAY + "&campaign=" + campaign);
            WebElement row = manager.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#campaign-report-table tr[data-campaign='" + campaign + "']")));
            assertThat(row.getAttribute("class")).contains("over-cap");
            assertThat(cells(row))
                    .startsWith(DAY, campaignName, "4")
                    .contains("HUMAN_ANSWERED: 3, ABANDONED: 1", "3", "25.0 % (over the cap)", "3.0 %", "SALE: 3")
                    .anySatisfy(cell -> assertThat(cell).startsWith(TestUser.AGENT.username + ": 3"));
            assertThat(manager.driver().findElements(By.cssSelector("#campaign-report-charts figure canvas")))
                    .hasSize(3);
            assertThat(manager.driver()
                            .findElement(By.id("campaign-report-export"))
                            .getAttribute("href"))
                    .contains("/api/v1/reports/campaigns.csv?", "campaign=" + campaign);
            manager.screenshot("campaign-reports");
        }
    }

    /** The table's rows once it shows {@code count} agent rows (the page redraws it after each search). */
    private static List<WebElement> rows(Browser browser, int count) {
        return browser.waiting(Duration.ofSeconds(10)).until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#sessions-table tbody tr[data-agent]"));
            return rows.size() == count ? rows : null;
        });
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void state(TestUser agent, String time, String state, String reason) {
        insert(agent, "STATE", time, state, reason, null, 0);
    }

    private void call(TestUser agent, String answered, String ended, int wrapUp) {
        insert(agent, "CALL", answered, null, null, at(DAY, ended), wrapUp);
    }

    private void insert(
            TestUser agent, String kind, String time, String state, String reason, OffsetDateTime ended, int wrapUp) {
        jdbc.update(
                "insert into agent_events (agent, user_id, kind, occurred_at, queue, state, reason, call_id, ended_at,"
                        + " wrap_up_seconds) values (?, ?, ?, ?, 'support', ?, ?, ?, ?, ?)",
                agent.extension,
                user(agent).id().value(),
                kind,
                at(DAY, time),
                state,
                reason,
                kind.equals("CALL") ? "pages-" + time : null,
                ended,
                wrapUp);
    }

    private static OffsetDateTime at(String day, String time) {
        return OffsetDateTime.ofInstant(Instant.parse(day + "T" + time + ":00Z"), ZoneOffset.UTC);
    }
}
