package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inbound queue calls on a real Asterisk running the sample configuration, seen by desktops and the call log. */
class QueueCallsOnAsteriskTest extends ApplicationOnAsterisk {

    @Test
    void aQueueCallAnsweredPopsTheAgentAndLogsOneInboundAnsweredActivity() {
        rig.phone("1001", "2", 3);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930123456", "Alice Example", 30);

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !poppedCalls(desktop).isEmpty());
            String callId = poppedCalls(desktop).get(0);
            assertThat(desktop.received("screenPop").get(0).path("queue").asText())
                    .isEqualTo("support");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> desktop.received("callUpdate").stream()
                            .anyMatch(update -> update.path("state").asText().equals("ENDED")));

            Map<String, Object> activity = theActivityOf(callId);
            assertThat(activity)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("caller_number", "+4930123456")
                    .containsEntry("caller_name", "Alice Example")
                    .containsEntry("queue", "support")
                    .containsEntry("agent_extension", "1001");
            assertThat((Integer) activity.get("wait_seconds")).isBetween(1, 4);
            assertThat((Integer) activity.get("talk_seconds")).isBetween(2, 4);
            assertOnlyNewActivities(1);
        }
    }
}
