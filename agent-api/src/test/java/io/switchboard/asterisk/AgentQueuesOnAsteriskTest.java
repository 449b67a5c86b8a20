package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent logs out of and into a queue and pauses with a reason, through the API, on a real Asterisk; the agent
 * session report keeps the reason Asterisk reported.
 */
class AgentQueuesOnAsteriskTest extends ApplicationOnAsterisk {

    @Test
    void aPausedAgentIsNotRungAndShowsTheReasonUntilTheyResume() {
        rig.phone("1002", "1", 2);
        try (Desktop desktop = desktop(agent("1001"))) {
            accepted(call("POST", "/api/v1/agents/me/pause", agent("1001"), "{\"reason\":\"Lunch break\"}"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            stateOf("1001", "support").path("state").asText().equals("PAUSED"));
            assertThat(stateOf("1001", "support").path("pausedReason").asText()).isEqualTo("Lunch break");
            assertThat(rig.pbxCli("queue show support")).containsPattern("Agent 1001 .*paused:Lunch break");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> desktop.received("agentState").stream()
                            .anyMatch(state -> state.path("agent").asText().equals("1001")
                                    && state.path("state").asText().equals("PAUSED")));

            // the linear queue skips the paused first member: 1002 rings and answers
            rig.callIn("500", "+4930444555", "Paul Paused", 20);
            Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
            assertThat(activity).containsEntry("outcome", "ANSWERED").containsEntry("agent_extension", "1002");
            assertThat(desktop.received("screenPop"))
                    .as("a paused agent is not popped")
                    .isEmpty();

            accepted(call("POST", "/api/v1/agents/me/resume", agent("1001"), null));
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            !stateOf("1001", "support").path("state").asText().equals("PAUSED"));
            assertThat(rig.pbxCli("queue show support")).doesNotContainPattern("Agent 1001 .*paused");

            // the agent session report has the pause with Asterisk's reason, and 1002's call
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> today("1001").path("pausedByReason").has("Lunch break"));
            assertThat(today("1001").path("pausedByReason").path("Lunch break").asLong())
                    .isGreaterThanOrEqualTo(0);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> today("1002").path("callsTaken").asLong() >= 1);
        }
    }

    /** The agent's line of today's agent session report (admin's view), or a missing node. */
    private JsonNode today(String extension) {
        HttpResponse<String> report = call("GET", "/api/v1/reports/agent-sessions?agent=" + extension, "admin", null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        return Api.json(report).path("days").path(0);
    }

    @Test
    void anAgentWhoLogsOutOfAQueueIsNotRungThereAndIsAgainOnceLoggedIn() {
        rig.phone("1004", "never", 5);
        rig.phone("1005", "1", 2);
        HttpResponse<String> out = call("DELETE", "/api/v1/agents/me/queues/sales", agent("1004"), null);
        assertThat(out.statusCode()).as(out.body()).isBetween(200, 204);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stateOf("1004", "sales")
                            .path("state")
                            .asText("LOGGED_OUT")
                            .equals("LOGGED_OUT"));
            assertThat(rig.pbxCli("queue show sales")).doesNotContain("Local/1004@agent-sim");

            // ring-all now rings 1005 only
            try (Desktop desktop = desktop(agent("1004"))) {
                rig.callIn("501", "+4930444666", "Lotte Loggedout", 20);
                Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
                assertThat(activity).containsEntry("outcome", "ANSWERED").containsEntry("agent_extension", "1005");
                assertThat(desktop.received("screenPop")).isEmpty();
            }
        } finally {
            accepted(call("POST", "/api/v1/agents/me/queues/sales", agent("1004"), null));
        }
        assertThat(rig.pbxCli("queue show sales"))
                .containsPattern("Agent 1004 \\(Local/1004@agent-sim/n from Custom:1004\\)");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stateOf("1004", "sales").path("state").asText().equals("READY"));
        assertThat(rig.pbxCli("queue show sales")).contains("Local/1004@agent-sim");
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    /** The agent's entry for a queue in the supervisors' live view ({@code GET /api/v1/agents}), or a missing node. */
    private JsonNode stateOf(String extension, String queue) {
        for (JsonNode agent : Api.json(call("GET", "/api/v1/agents", "admin", null))) {
            if (agent.path("extension").asText().equals(extension)
                    && agent.path("queue").asText().equals(queue)) {
                return agent;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
