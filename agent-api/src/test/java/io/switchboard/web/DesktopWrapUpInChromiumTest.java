package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The agent desktop after a queue call in a queue with a wrap-up time: it shows wrap-up as soon as the call ends (the
 * PBX reports the agent free with the call's end as LastCall a moment before the call's hangups), and ready once the
 * wrap-up is over, though nothing from the PBX marks that moment (and though the simulator's clock, running four
 * times faster here, is ahead of this machine's).
 */
class DesktopWrapUpInChromiumTest extends ApplicationOnPostgres {

    private static final String QUEUE = "sales";
    private static final int WRAP_UP_SECONDS = 6;

    private JsonNode settingsBefore;

    @BeforeAll
    void salesHasAWrapUpAndTheAgentWorksIt() {
        settingsBefore = Api.json(call("GET", "/api/v1/queue-settings/" + QUEUE, TestUser.ADMIN, null));
        HttpResponse<String> set = call(
                "PUT", "/api/v1/queue-settings/" + QUEUE, TestUser.ADMIN, settings(settingsBefore, WRAP_UP_SECONDS));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        HttpResponse<String> in = call("POST", "/api/v1/agents/me/queues/" + QUEUE, TestUser.AGENT, null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> stateIn(QUEUE).equals("READY"));
    }

    @AfterAll
    void asBefore() {
        call("DELETE", "/api/v1/agents/me/queues/" + QUEUE, TestUser.AGENT, null);
        JsonNode wrapUp = settingsBefore.path("wrapUpSeconds");
        call(
                "PUT",
                "/api/v1/queue-settings/" + QUEUE,
                TestUser.ADMIN,
                settings(settingsBefore, wrapUp.isNull() ? null : wrapUp.asInt()));
    }

    @Test
    void theDesktopShowsWrapUpRightAfterTheCallAndReadyWhenItIsOver() {
        Browser.assumeInstalled();
        try (Browser browser = Browser.open(port)) {
            browser.logIn(TestUser.AGENT.username, TestUser.PASSWORD);
            browser.openDesktop();
            state(browser, "ready", Duration.ofSeconds(10));

            simulator
                    .run(new QueueCallAnswered(
                            new Caller("+493055570901", "Wrap Up", "501"),
                            QUEUE,
                            TestUser.AGENT.extension,
                            1,
                            2,
                            HangupBy.CALLER))
                    .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                    .join();

            WebElement wrapUp = state(browser, "wrap_up", Duration.ofSeconds(10));
            assertThat(wrapUp.getText()).isEqualTo(QUEUE + ": WRAP_UP");
            browser.screenshot("agent-desktop-wrap-up");
            // no event comes from the PBX when the wrap-up ends: the desktop has to look again by itself
            WebElement ready = state(browser, "ready", Duration.ofSeconds(WRAP_UP_SECONDS + 10));
            assertThat(ready.getText()).isEqualTo(QUEUE + ": READY");
        }
    }

    /** The desktop's line for the queue once it shows {@code state} (its class {@code state-<state>}). */
    private WebElement state(Browser browser, String state, Duration within) {
        By line = By.cssSelector("#my-queues li.state-" + state);
        return browser.waiting(within)
                .withMessage(() -> "the desktop shows "
                        + browser.driver().findElement(By.id("my-queues")).getText()
                        + "; the board at " + java.time.Instant.now() + ": "
                        + call("GET", "/api/v1/agents/me", TestUser.AGENT, null).body())
                .until(driver -> driver.findElements(line).stream()
                        .filter(item -> item.getText().startsWith(QUEUE + ":"))
                        .findFirst()
                        .orElse(null));
    }

    private String stateIn(String queue) {
        for (JsonNode state : Api.json(call("GET", "/api/v1/agents/me", TestUser.AGENT, null))) {
            if (state.path("queue").asText().equals(queue)) {
                return state.path("state").asText();
            }
        }
        return "";
    }

    /** The queue's stored settings with {@code wrapUpSeconds} (null: the default). */
    private static String settings(JsonNode stored, Integer wrapUpSeconds) {
        return "{\"displayName\":" + stored.path("displayName") + ",\"team\":" + stored.path("team")
                + ",\"serviceLevelSeconds\":" + stored.path("serviceLevelSeconds")
                + ",\"serviceLevelTargetPercent\":" + stored.path("serviceLevelTargetPercent")
                + ",\"wrapUpSeconds\":" + wrapUpSeconds + "}";
    }
}
