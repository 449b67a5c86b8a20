package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inbound calls on a real Asterisk running the sample configuration, seen by desktops and the call log. */
class QueueCallsOnAsteriskTest extends ApplicationOnAsterisk {

    @Test
    void aQueueCallAnsweredPopsTheAgentAndLogsOneInboundAnsweredActivity() {
        rig.phone("1001", "2", 3);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930123456", "Alice Example", 30);

            String callId = firstPop(desktop);
            assertThat(desktop.received("screenPop").get(0).path("queue").asText())
                    .isEqualTo("support");
            awaitEnded(desktop, callId);

            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("caller_number", "+4930123456")
                    .containsEntry("caller_name", "Alice Example")
                    .containsEntry("callee_number", "500")
                    .containsEntry("queue", "support")
                    .containsEntry("agent_extension", "1001")
                    .containsEntry("agent_id", userId("1001"));
            assertThat((Integer) activity.get("wait_seconds")).isBetween(1, 4);
            assertThat((Integer) activity.get("talk_seconds")).isBetween(2, 5);
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsAbandonedAndThePopWithdrawn() {
        for (String extension : new String[] {"1001", "1002", "1003"}) {
            rig.phone(extension, "never", 5);
        }
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+442071234567", "Bob Caller", 4);

            String callId = firstPop(desktop);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !desktop.received("popWithdrawn").isEmpty());
            assertThat(desktop.received("popWithdrawn").get(0).path("callId").asText())
                    .isEqualTo(callId);

            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ABANDONED")
                    .containsEntry("caller_number", "+442071234567")
                    .containsEntry("queue", "support")
                    .containsEntry("agent_extension", "1001")
                    .containsEntry("talk_seconds", 0);
            assertThat((Integer) activity.get("wait_seconds")).isBetween(3, 6);
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void aRingAllCallPopsBothAgentsAndWithdrawsThePopOfTheOneWhoDidNotAnswer() {
        rig.phone("1004", "2", 3);
        rig.phone("1005", "never", 5);
        try (Desktop anna = desktop(agent("1004"));
                Desktop ben = desktop(agent("1005"))) {
            rig.callIn("501", "0301234567", "Carol National", 30);

            String callId = firstPop(anna);
            assertThat(firstPop(ben)).isEqualTo(callId);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !ben.received("popWithdrawn").isEmpty());
            JsonNode withdrawn = ben.received("popWithdrawn").get(0);
            assertThat(withdrawn.path("callId").asText()).isEqualTo(callId);
            assertThat(withdrawn.path("reason").asText()).isEqualTo("ANSWERED_ELSEWHERE");
            awaitEnded(anna, callId);
            assertThat(anna.received("popWithdrawn")).isEmpty();

            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("caller_number", "0301234567")
                    .containsEntry("queue", "sales")
                    .containsEntry("agent_extension", "1004");
            assertThat((Integer) activity.get("wait_seconds")).isBetween(1, 4);
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void anAgentWhoDoesNotAnswerLosesThePopAndTheNextAgentGetsTheCall() {
        rig.phone("1001", "never", 5);
        rig.phone("1002", "1", 2);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1002"))) {
            rig.callIn("500", "+4930111222", "Dora Patient", 40);

            String callId = firstPop(first);
            // the sample's support queue rings a member 15 s (timeout) before moving on
            await().atMost(Duration.ofSeconds(25))
                    .until(() -> !first.received("popWithdrawn").isEmpty());
            assertThat(first.received("popWithdrawn").get(0).path("reason").asText())
                    .isEqualTo("NO_ANSWER");
            assertThat(firstPop(second)).isEqualTo(callId);
            awaitEnded(second, callId);

            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("queue", "support")
                    .containsEntry("agent_extension", "1002");
            assertThat((Integer) activity.get("wait_seconds")).isBetween(15, 20);
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void aDirectCallToAnAgentNobodyAnswersIsMissedAndTheAgents() {
        rig.phone("1001", "never", 5);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("502", "+4989777888", "Emil Direct", 40);

            String callId = firstPop(desktop);
            // the sample's DID 502 rings agent 1001 for 20 s, then the caller is hung up
            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "MISSED")
                    .containsEntry("caller_number", "+4989777888")
                    .containsEntry("callee_number", "502")
                    .containsEntry("agent_extension", "1001")
                    .containsEntry("agent_id", userId("1001"))
                    .containsEntry("talk_seconds", 0);
            assertOnlyNewActivities(1);
        }
    }
}
