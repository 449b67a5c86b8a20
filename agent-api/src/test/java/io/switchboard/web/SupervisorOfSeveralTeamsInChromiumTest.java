package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * In Chromium: an admin assigns a supervisor of team A to team B on the teams page; the supervisor's wallboard shows
 * the queues A and B work and not C's; once the admin takes B from them, their next page shows A's only, in the
 * browser session they are logged in with.
 */
class SupervisorOfSeveralTeamsInChromiumTest extends ApplicationOnPostgres {

    private static final String SUPERVISOR = "sc-supervisor";
    /** The queue each team works: the simulator's three. */
    private static final Map<String, String> QUEUES = Map.of("A", "support", "B", "sales", "C", "campaign");

    @Test
    void aSupervisorAssignedASecondTeamOnTheTeamsPageSeesBothTeamsQueuesUntilItIsTakenFromThem() {
        Browser.assumeInstalled();
        Map<String, TeamId> teams = new java.util.HashMap<>();
        for (String team : List.of("A", "B", "C")) {
            teams.put(team, directory.team("SC team " + team));
        }
        if (directory.findByUsername(SUPERVISOR).isEmpty()) {
            DirectoryUser user =
                    directory.add(new NewUser(SUPERVISOR, "Sasha Scope", Role.SUPERVISOR, teams.get("A"), null));
            directory.setPasswordHash(user.id(), "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestUser.PASSWORD));
        }
        try {
            for (String team : List.of("A", "B", "C")) {
                ok(admin(
                        "PUT",
                        "/api/v1/teams/" + teams.get(team).value() + "/queues",
                        "{\"queues\":[\"" + QUEUES.get(team) + "\"]}"));
            }
            knownToTheLiveBoard();

            try (Browser admin = Browser.open(port)) {
                admin.logIn(TestUser.ADMIN.username, TestUser.PASSWORD);
                admin.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
                admin.go("/admin/teams");
                By teamB = By.cssSelector("#team-list tr[data-team='SC team B']");
                WebElement row =
                        admin.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(teamB));
                WebElement assigned = row.findElement(By.cssSelector("input[aria-label^='Supervisors assigned']"));
                assigned.clear();
                assigned.sendKeys(SUPERVISOR);
                row.findElements(By.tagName("button")).stream()
                        .filter(button -> button.getText().equals("Save supervisors"))
                        .findFirst()
                        .orElseThrow()
                        .click();
                // the list is drawn again from the API once saved: the row names the supervisor as B's
                admin.waiting(Duration.ofSeconds(10)).until(driver -> {
                    try {
                        return driver.findElement(teamB)
                                .findElement(By.cssSelector(".supervisors"))
                                .getText()
                                .contains(SUPERVISOR);
                    } catch (org.openqa.selenium.NoSuchElementException
                            | org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return false;
                    }
                });
                admin.screenshot("admin-team-supervisors");
            }

            try (Browser supervisor = Browser.open(port)) {
                supervisor.logIn(SUPERVISOR, TestUser.PASSWORD);
                supervisor.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/wallboard"));
                waitForRow(supervisor, QUEUES.get("A"));
                waitForRow(supervisor, QUEUES.get("B"));
                // drawn in the same pass as A's and B's rows: C's queue is not among the supervisor's
                assertThat(rows(supervisor, QUEUES.get("C"))).isEmpty();
                supervisor.screenshot("wallboard-two-teams");

                ok(admin("PUT", "/api/v1/teams/" + teams.get("B").value() + "/supervisors", "{\"supervisors\":[]}"));

                // the same browser session, its next page: B's queue is no longer the supervisor's
                supervisor.go("/wallboard");
                waitForRow(supervisor, QUEUES.get("A"));
                assertThat(rows(supervisor, QUEUES.get("B"))).isEmpty();
                assertThat(rows(supervisor, QUEUES.get("C"))).isEmpty();

                // every queue on request: B's and C's are on the board, only not the supervisor's
                supervisor.driver().findElement(By.id("all-queues")).click();
                waitForRow(supervisor, QUEUES.get("B"));
                waitForRow(supervisor, QUEUES.get("C"));
            }
        } finally {
            // the queues' team shows on the queues page of other tests sharing this database
            for (TeamId team : teams.values()) {
                admin("PUT", "/api/v1/teams/" + team.value() + "/queues", "{\"queues\":[]}");
                admin("PUT", "/api/v1/teams/" + team.value() + "/supervisors", "{\"supervisors\":[]}");
            }
        }
    }

    /** One call in each queue, so that the live board knows all three. */
    private void knownToTheLiveBoard() {
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555401", "Support Caller", "500"),
                QUEUES.get("A"),
                TestUser.AGENT.extension,
                1,
                1,
                HangupBy.CALLER));
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555402", "Sales Caller", "500"),
                QUEUES.get("B"),
                TestUser.TEAMMATE.extension,
                1,
                1,
                HangupBy.CALLER));
        simulator.run(new QueueCallAnswered(
                new Caller("+4930555403", "Campaign Caller", "500"), QUEUES.get("C"), "3001", 1, 1, HangupBy.CALLER));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String queues = admin("GET", "/api/v1/queues", null).body();
            return QUEUES.values().stream().allMatch(queue -> queues.contains("\"" + queue + "\""));
        });
    }

    private static void waitForRow(Browser browser, String queue) {
        browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#queues tr[data-queue='" + queue + "']")));
    }

    private static List<WebElement> rows(Browser browser, String queue) {
        return browser.driver().findElements(By.cssSelector("#queues tr[data-queue='" + queue + "']"));
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return call(method, path, TestUser.ADMIN, body);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
