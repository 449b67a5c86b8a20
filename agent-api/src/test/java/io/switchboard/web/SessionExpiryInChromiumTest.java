package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/** A page whose session is gone (timed out, server restarted) sends the user to the login form, saying why. */
class SessionExpiryInChromiumTest extends ApplicationOnPostgres {

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void aChangeAfterTheSessionExpiredLeadsToTheLoginForm() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().endsWith("/agent"));
            // the server no longer knows the session: what a browser left open overnight sends
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.driver().manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));

            // a change through the pages' own request helper, as any button of theirs makes it
            ((JavascriptExecutor) browser.driver())
                    .executeScript("import('/js/api.js').then(m => m.api('POST', '/api/v1/contacts', {name: 'Late'}))"
                            + ".catch(() => {});");

            browser.waiting(Duration.ofSeconds(10))
                    .until(driver -> driver.getCurrentUrl().contains("/login?expired"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Your session expired");
        }
    }
}
