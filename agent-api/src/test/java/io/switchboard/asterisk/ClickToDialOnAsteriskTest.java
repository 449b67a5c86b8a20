package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Click-to-dial ({@code POST /api/v1/calls}) on a real Asterisk running the sample dialplan, to numbers in E.164 as
 * contacts and leads store them. The rig's carrier answers, is busy or never answers by the number's last digit.
 */
class ClickToDialOnAsteriskTest extends ApplicationOnAsterisk {

    @Test
    void aClickToDialToAnE164NumberTheCustomerAnswersIsTheAgentsAnsweredOutboundCall() {
        rig.phone("1002", "1", 10);
        try (Desktop desktop = desktop(agent("1002"))) {
            dial("1002", "+49 30 555551");

            Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
            assertThat(activity)
                    .containsEntry("direction", "OUTBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("callee_number", "+4930555551")
                    .containsEntry("agent_extension", "1002")
                    .containsEntry("agent_id", userId("1002"));
            // the customer answers after 1 s of ringing, says hello and hangs up about 9 s later
            assertThat((Integer) activity.get("talk_seconds")).isBetween(7, 11);
            assertThat(desktop.received("screenPop"))
                    .as("no pop for one's own call")
                    .isEmpty();
        }
    }

    @Test
    void aClickToDialToABusyNumberIsTheAgentsBusyCall() {
        rig.phone("1002", "1", 10);
        dial("1002", "+49 30 555552");

        Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
        assertThat(activity)
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("outcome", "BUSY")
                .containsEntry("callee_number", "+4930555552")
                .containsEntry("agent_extension", "1002")
                .containsEntry("agent_id", userId("1002"))
                .containsEntry("talk_seconds", 0);
        // and it is in the agent's own call log
        List<String> mine = Api.json(call("GET", "/api/v1/activities", agent("1002"), null))
                .path("items")
                .valueStream()
                .map(item -> item.path("callId").asText())
                .toList();
        assertThat(mine).contains((String) activity.get("call_id"));
    }

    @Test
    void aClickToDialNobodyAnswersEndsWhenTheAgentGivesUp() {
        // the agent hangs up 6 s after picking up; the customer's phone never stops ringing
        rig.phone("1002", "1", 6);
        dial("1002", "+49 30 555553");

        Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
        assertThat(activity)
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("outcome", "NO_ANSWER")
                .containsEntry("callee_number", "+4930555553")
                .containsEntry("agent_extension", "1002")
                .containsEntry("talk_seconds", 0);
    }

    @Test
    void aClickToDialToANationalNumberStillReachesTheCarrier() {
        rig.phone("1003", "1", 10);
        dial("1003", "030 555551");

        assertThat(assertOnlyNewActivities(1).get(0))
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("outcome", "ANSWERED")
                .containsEntry("callee_number", "030555551")
                .containsEntry("agent_extension", "1003");
    }

    /** Dials as the agent: accepted at once, the call follows. */
    private void dial(String extension, String number) {
        HttpResponse<String> response =
                call("POST", "/api/v1/calls", agent(extension), "{\"number\":\"" + number + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
