package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.reportmail.ReportSubscriptions;
import io.switchboard.reportmail.Subscription;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A supervisor subscribes to the call history they filtered, by e-mail each week, and unsubscribes, in Chromium. */
class ReportSubscriptionsInChromiumTest extends ApplicationOnPostgres {

    @Autowired
    ReportSubscriptions subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSupervisorMailsTheirFilteredCallHistoryWeeklyAndStopsIt() {
        Browser.assumeInstalled();
        jdbc.update("delete from report_subscriptions");
        try (Browser supervisor = Browser.open(port)) {
            supervisor.logIn(TestUser.SUPERVISOR.username, TestUser.PASSWORD);
            supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
            supervisor.go("/reports/calls");
            WebDriver page = supervisor.driver();
            page.findElement(By.id("calls-queue")).sendKeys("support");
            new Select(page.findElement(By.id("calls-outcome"))).selectByVisibleText("ABANDONED");
            new Select(page.findElement(By.id("subscription-frequency"))).selectByValue("weekly");
            new Select(page.findElement(By.id("subscription-weekday"))).selectByValue("FRIDAY");
            page.findElement(By.id("subscription-email")).sendKeys("lead@example.com");
            page.findElement(By.cssSelector("#subscription-form button[type='submit']"))
                    .click();

            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.findElements(By.cssSelector("#subscription-list tbody tr"))
                                    .size()
                            == 1);
            assertThat(page.findElement(By.cssSelector("#subscription-list tbody tr"))
                            .getText())
                    .contains(
                            "calls", "weekly, friday 07:00", "lead@example.com", "queue=support", "outcome=ABANDONED");
            List<Subscription> stored =
                    subscriptions.of(user(TestUser.SUPERVISOR).viewer());
            assertThat(stored).singleElement().satisfies(subscription -> {
                assertThat(subscription.weekday()).isEqualTo(DayOfWeek.FRIDAY);
                assertThat(subscription.filter()).isEqualTo(Map.of("queue", "support", "outcome", "ABANDONED"));
            });

            page.findElement(By.cssSelector("#subscription-list tbody tr button"))
                    .click();

            supervisor
                    .waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.findElements(By.cssSelector("#subscription-list tbody tr"))
                            .isEmpty());
            assertThat(subscriptions.of(user(TestUser.SUPERVISOR).viewer())).isEmpty();
        }
    }
}
