package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call control on a real Asterisk running the sample configuration: the product's own blind transfer (an AMI
 * Redirect into config/extensions.conf's [transfer] context, which Asterisk reports as no transfer at all) and
 * hanging up, each one call with one activity whose path keeps every queue and agent leg.
 */
class TransfersOnAsteriskTest extends ApplicationOnAsterisk {

    @Test
    void aBlindTransferToAnotherQueuePopsItsAgentAndKeepsBothLegs() {
        rig.phone("1001", "1", 60);
        rig.phone("1004", "2", 3);
        rig.phone("1005", "never", 5);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1004"))) {
            rig.callIn("500", "+4930999888", "Erin Blind", 40);
            String callId = firstPop(first);

            awaitAccepted("/api/v1/agents/me/call/transfer", agent("1001"), "{\"queue\":\"sales\"}");

            assertThat(firstPop(second)).as("the second agent's pop").isEqualTo(callId);
            awaitEnded(second, callId);
            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("queue", "sales")
                    .containsEntry("agent_extension", "1004");
            assertThat(legs(callId)).containsExactly("support/1001 transferred", "sales/1004");
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void aBlindTransferToAnAgentsExtension() {
        rig.phone("1001", "1", 60);
        rig.phone("1002", "2", 3);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1002"))) {
            rig.callIn("500", "+4930999777", "Frank Extension", 40);
            String callId = firstPop(first);

            awaitAccepted("/api/v1/agents/1001/call/transfer", "supervisor", "{\"extension\":\"1002\"}");

            assertThat(firstPop(second)).isEqualTo(callId);
            awaitEnded(second, callId);
            assertThat(theActivityOf(callId)).containsEntry("agent_extension", "1002");
            assertThat(legs(callId)).containsExactly("support/1001 transferred", "null/1002");
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void hangingUpFromSwitchboardEndsTheCall() {
        rig.phone("1001", "1", 60);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930999444", "Ida Hangup", 60);
            String callId = firstPop(desktop);

            awaitAccepted("/api/v1/agents/me/call/hangup", agent("1001"), null);

            awaitEnded(desktop, callId);
            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity).containsEntry("outcome", "ANSWERED").containsEntry("agent_extension", "1001");
            assertThat((Integer) activity.get("talk_seconds")).isLessThan(15);
            assertOnlyNewActivities(1);
        }
    }

    /** Sends the command once the agent has the call (409 until the agent's leg and the caller are bridged). */
    private void awaitAccepted(String path, String username, String body) {
        int status = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> call("POST", path, username, body).statusCode(), answer -> answer != 409);
        assertThat(status).isEqualTo(202);
    }

    private List<String> legs(String callId) {
        return jdbc.queryForList(
                "select coalesce(queue, 'null') || '/' || coalesce(agent_extension, 'null') || case when transferred then ' transferred' else '' end"
                        + " from activity_legs where call_id = ? order by seq",
                String.class,
                callId);
    }
}
