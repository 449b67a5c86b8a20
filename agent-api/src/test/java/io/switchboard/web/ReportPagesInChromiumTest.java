package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.report.QueueRollup;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.StoredCalls;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call history and interval report pages in a real headless Chromium: a supervisor filters and sorts their team's
 * calls, opens one to see its way through the queue and agents, and reads a day's report as charts and a table.
 */
class ReportPagesInChromiumTest extends ApplicationOnPostgres {

    private static final Instant DAY = Instant.parse("2024-05-07T00:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;

    private final String queue = "pg-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private QueueRollup rollup;

    @BeforeAll
    void calls() {
        DirectoryUser agent = user(TestUser.AGENT);
        DirectoryUser teammate = user(TestUser.TEAMMATE);
        // 09:00-09:59 UTC: twelve calls five minutes apart, waiting 3, 6, ... 36 s; the last one transferred
        for (int i = 0; i < 12; i++) {
            store(
                    i,
                    i == 11 ? "ABANDONED" : "ANSWERED",
                    i % 2 == 0 ? agent : teammate,
                    3 * (i + 1),
                    9 * 3600 + 300 * i);
        }
        String transferred = queue + "-5";
        leg(transferred, 0, teammate.extension(), true);
        leg(transferred, 1, agent.extension(), false);
        jdbc.update(
                "update activities set notes = 'asked for the manager', disposition = 'ESCALATED'"
                        + " where call_id = ?",
                transferred);
        // written behind the server's back, so rolled up for the interval reports as an admin's rebuild would
        rollup.rebuild(DAY, DAY.plus(Duration.ofDays(1)));
    }

    @Test
    void aSupervisorFiltersSortsAndOpensACall() {
        Browser.assumeInstalled();
        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor.driver().findElement(By.linkText("Calls")).click();
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/reports/calls"));
            supervisor.go("/reports/calls?from=2024-05-07T00:00:00Z&to=2024-05-08T00:00:00Z&queue=" + queue);
            List<String> rows = rows(supervisor, 12);
            assertThat(rows.get(0)).as("newest first").contains("36 s");

            supervisor
                    .driver()
                    .findElement(By.cssSelector("button.sort[data-sort='wait']"))
                    .click();
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> firstWait(driver).equals("36 s"));
            supervisor
                    .driver()
                    .findElement(By.cssSelector("button.sort[data-sort='wait']"))
                    .click();
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> firstWait(driver).equals("3 s"));

            WebDriver page = supervisor.driver();
            page.findElement(By.id("calls-wait")).sendKeys("30");
            page.findElement(By.cssSelector("#calls-filter button[type='submit']"))
                    .click();
            rows(supervisor, 2);
            page.findElement(By.id("calls-wait")).clear();
            page.findElement(By.id("calls-number")).sendKeys("+49 (30) 4440-0005");
            page.findElement(By.cssSelector("#calls-filter button[type='submit']"))
                    .click();
            rows(supervisor, 1);
            assertThat(page.findElement(By.id("calls-export")).getAttribute("href"))
                    .contains("/api/v1/reports/calls.csv?", "number=");

            page.findElement(By.cssSelector("#calls-list tbody tr")).click();
            WebElement detail = supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("call-detail")));
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.findElements(By.cssSelector("#detail-path tbody tr"))
                                    .size()
                            == 2);
            assertThat(detail.getText()).contains("asked for the manager", "ESCALATED", "+493044400005");
            assertThat(page.findElement(By.cssSelector("#detail-path tbody tr")).getText())
                    .contains(TestUser.TEAMMATE.extension, "yes");
            supervisor.screenshot("call-history");
        }
    }

    @Test
    void aSupervisorReadsADayAsChartsAndATable() {
        Browser.assumeInstalled();
        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor.go("/reports/intervals?from=2024-05-07&to=2024-05-07&step=hour&queue=" + queue);
            WebDriver page = supervisor.driver();
            // a chart per measure, drawn by uPlot into a canvas
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.findElements(By.cssSelector("#interval-charts figure canvas"))
                                    .size()
                            == 10);
            assertThat(page.findElement(By.cssSelector("figure[data-measure='serviceLevel'] figcaption"))
                            .getText())
                    .isEqualTo("Service level (%)");
            List<WebElement> lines = page.findElements(By.cssSelector("#intervals-table tbody tr"));
            assertThat(lines).as("the 09:00 hour and the whole day").hasSize(2);
            assertThat(lines.get(0).getAttribute("data-start")).isEqualTo("2024-05-07T09:00:00Z");
            assertThat(lines.get(0).findElements(By.tagName("td")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .startsWith(queue)
                    .containsSubsequence("12", "11", "1", "0");
            assertThat(lines.get(1).getText()).contains("whole range", "36 s");
            assertThat(page.findElement(By.id("intervals-formulas")).getText()).contains("answered within 20 s");
            supervisor.screenshot("interval-reports");

            new Select(page.findElement(By.id("intervals-step"))).selectByValue("day");
            page.findElement(By.cssSelector("#intervals-filter button[type='submit']"))
                    .click();
            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#intervals-table tr[data-start='2024-05-07T00:00:00Z']")));
            assertThat(page.findElement(By.id("intervals-export")).getAttribute("href"))
                    .contains("step=day");
        }
    }

    /** The wait column of the table's first row. */
    private static String firstWait(WebDriver driver) {
        try {
            return driver.findElement(By.cssSelector("#calls-list tbody tr td:nth-child(8)"))
                    .getText();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    /** The table's rows once it shows {@code count} of them (the page redraws it after each search). */
    private static List<String> rows(Browser browser, int count) {
        return browser.waiting(Duration.ofSeconds(10)).until(driver -> {
            try {
                List<String> texts = driver.findElements(By.cssSelector("#calls-list tbody tr")).stream()
                        .map(WebElement::getText)
                        .toList();
                return texts.size() == count ? texts : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    private void store(int n, String outcome, DirectoryUser agent, int wait, long secondsIntoDay) {
        int talk = outcome.equals("ANSWERED") ? 60 : 0;
        new StoredCalls(jdbc)
                .call(
                        queue + "-" + n,
                        "INBOUND",
                        outcome,
                        "+4930444000" + String.format("%02d", n),
                        queue,
                        agent,
                        DAY.plusSeconds(secondsIntoDay),
                        wait,
                        talk,
                        null);
    }

    private void leg(String callId, int seq, String extension, boolean transferred) {
        Instant started = DAY.plusSeconds(9 * 3600 + 1500 + seq * 20L);
        new StoredCalls(jdbc).leg(callId, seq, queue, extension, started, started.plusSeconds(20), transferred);
    }
}
