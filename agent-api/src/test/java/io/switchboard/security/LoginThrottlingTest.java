package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.LoginRecords;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Throttles and lockout with small limits of their own (a context of its own: its buckets start empty): two
 * failures per username and five per address in a six-second window, a lockout after three failures in a row.
 */
@TestPropertySource(
        properties = {
            "switchboard.security.login.user-failures=2",
            "switchboard.security.login.address-failures=5",
            "switchboard.security.login.window=6s",
            "switchboard.security.login.lockout-after=3",
            "switchboard.security.login.lockout-duration=10m"
        })
class LoginThrottlingTest extends ApplicationOnPostgres {

    private static final String PASSWORD = "violet-harbour-tram-42";

    @Autowired
    MeterRegistry registry;

    @Autowired
    LoginRecords records;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void basicCredentialsAreThrottledPerUserThenLockedOutUntilAnAdminUnlocks() {
        String user = user("lt-basic", Role.AGENT).username();
        double badBefore = refused("bad_credentials");
        double throttledBefore = refused("throttled_user");

        assertThat(contacts(user, "wrong-one").statusCode()).isEqualTo(401);
        assertThat(contacts(user, "wrong-two").statusCode()).isEqualTo(401);
        // the third attempt is refused before the password is looked at: the right one does not help
        HttpResponse<String> throttled = contacts(user, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.json(throttled).path("detail").asText()).startsWith("Too many attempts, try again in ");
        assertThat(refused("bad_credentials") - badBefore).isEqualTo(2);
        assertThat(refused("throttled_user") - throttledBefore).isEqualTo(1);

        // once the bucket gave one attempt back, the third failure in a row locks the user out
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> contacts(user, "wrong-three").statusCode() == 401);
        HttpResponse<String> locked = contacts(user, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Api.json(locked).path("detail").asText())
                .contains("locked")
                .contains("Try again in 10 minutes")
                .contains("ask an admin to unlock");
        assertThat(refused("locked")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> list = call("GET", "/api/v1/logins/locked", TestUser.ADMIN, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"username\":\"lt-basic\"");
        assertThat(call("POST", "/api/v1/logins/lt-basic/unlock", TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("POST", "/api/v1/logins/lt-nobody-at-all/unlock", TestUser.ADMIN, null)
                        .statusCode())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> contacts(user, PASSWORD).statusCode() == 200);
        assertThat(records.state(user).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void manyUsernamesFromOneAddressAreThrottledPerAddress() {
        double before = refused("throttled_address");
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            last = contacts("lt-guess-" + attempt, "guess-" + attempt);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(401);
        }
        assertThat(last.statusCode()).as("refused within 40 guesses").isEqualTo(429);
        assertThat(Api.json(last).path("detail").asText()).startsWith("Too many attempts, try again in ");
        assertThat(refused("throttled_address") - before).isEqualTo(1);
        // let the address's bucket fill again for the other tests
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> contacts("lt-guess-last", "guess").statusCode() == 401);
    }

    @Test
    void theLoginPageSaysHowLongToWait() {
        Browser.assumeInstalled();
        String user = user("lt-form", Role.SUPERVISOR).username();
        try (Browser browser = Browser.open(port)) {
            browser.logIn(user, "wrong-one");
            assertThat(refusal(browser)).isEqualTo("Wrong username or password.");
            browser.logIn(user, "wrong-two");
            assertThat(refusal(browser)).isEqualTo("Wrong username or password.");
            browser.logIn(user, PASSWORD);
            assertThat(refusal(browser)).matches("Too many attempts, try again in \\d seconds?\\.");
            browser.screenshot("login-throttled");
        }
    }

    private static String refusal(Browser browser) {
        return browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")))
                .getText();
    }

    private long unlocksOf(String username) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where action = 'user.unlocked' and subject_id = ? and actor = ?",
                Long.class,
                username,
                TestUser.ADMIN.username);
    }

    private HttpResponse<String> contacts(String user, String password) {
        return api.call("GET", "/api/v1/contacts", user, password, null);
    }

    private double refused(String reason) {
        return registry.counter("switchboard.security.login.refused", "reason", reason)
                .count();
    }

    /** A user of this test alone, made anew (and unlocked) for each run against the shared database. */
    private DirectoryUser user(String username, Role role) {
        DirectoryUser user = directory
                .findByUsername(username)
                .orElseGet(() -> directory.add(new NewUser(username, username, role, null, null)));
        directory.setPasswordHash(user.id(), "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
        records.unlock(username);
        return user;
    }
}
