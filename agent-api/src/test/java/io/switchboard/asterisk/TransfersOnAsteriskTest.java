package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Call control on a real Asterisk running the sample configuration: the product's own blind transfer (an AMI
 * Redirect into config/extensions.conf's [transfer] context, which Asterisk reports as no transfer at all), an
 * attended transfer (AMI Atxfer with config/features.conf's code; completed, and cancelled), Asterisk's own blind
 * transfer as a phone does it, and hanging up: each one call with one activity whose path keeps every queue and
 * agent leg, and a pop for the agent who gets the call.
 */
class TransfersOnAsteriskTest extends ApplicationOnAsterisk {

    @Autowired
    CallHandles handles;

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
            assertEndedWith(second, callId, "1002", "support/1001 transferred", "null/1002");
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

    @Test
    void anAttendedTransferConsultsTheColleagueAndCompletesWhenTheAgentLeaves() {
        rig.phone("1001", "1", 60);
        rig.phone("1002", "2", 60);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1002"))) {
            rig.callIn("500", "+4930999555", "Hana Attended", 60);
            String callId = firstPop(first);

            awaitAccepted("/api/v1/agents/me/call/consultation", agent("1001"), "{\"extension\":\"1002\"}");
            assertThat(firstPop(second))
                    .as("the consulted agent sees the caller")
                    .isEqualTo(callId);
            awaitPhoneUp("1002");
            assertAccepted("POST", "/api/v1/agents/me/call/consultation/complete", agent("1001"));
            awaitAccepted("/api/v1/agents/me/call/hangup", agent("1002"), null);

            assertEndedWith(second, callId, "1002", "support/1001 transferred", "null/1002");
        }
    }

    @Test
    void aConsultationCompletedWhileTheColleagueStillRingsIsTheirsOnceTheyAnswer() {
        // a "blond" transfer: the agent leaves before the colleague picks up; the caller hears the colleague ring
        rig.phone("1001", "1", 60);
        rig.phone("1002", "4", 60);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1002"))) {
            rig.callIn("500", "+4930999557", "Hana Blond", 60);
            String callId = firstPop(first);

            awaitAccepted("/api/v1/agents/me/call/consultation", agent("1001"), "{\"extension\":\"1002\"}");
            assertThat(firstPop(second)).isEqualTo(callId);
            assertAccepted("POST", "/api/v1/agents/me/call/consultation/complete", agent("1001"));
            awaitPhoneUp("1002");
            awaitAccepted("/api/v1/agents/me/call/hangup", agent("1002"), null);

            awaitEnded(second, callId);
            assertThat(second.received("popWithdrawn"))
                    .as("the colleague's pop stays while their phone rings on")
                    .isEmpty();
            assertThat(theActivityOf(callId)).containsEntry("agent_extension", "1002");
            assertThat(legs(callId)).containsExactly("support/1001 transferred", "null/1002");
            assertOnlyNewActivities(1);
        }
    }

    @Test
    void aCancelledConsultationWithdrawsTheColleaguesPopAndLeavesTheCallWithTheAgent() {
        rig.phone("1001", "1", 60);
        rig.phone("1002", "2", 60);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1002"))) {
            rig.callIn("500", "+4930999556", "Hana Cancelled", 60);
            String callId = firstPop(first);

            awaitAccepted("/api/v1/agents/me/call/consultation", agent("1001"), "{\"extension\":\"1002\"}");
            assertThat(firstPop(second)).isEqualTo(callId);
            awaitPhoneUp("1002");
            assertAccepted("DELETE", "/api/v1/agents/me/call/consultation", agent("1001"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !second.received("popWithdrawn").isEmpty());
            awaitAccepted("/api/v1/agents/me/call/hangup", agent("1001"), null);

            assertEndedWith(first, callId, "1001", "support/1001");
        }
    }

    @Test
    void asterisksOwnBlindTransferFromThePhoneIsFollowedToTheNextQueue() throws Exception {
        rig.phone("1001", "1", 60);
        rig.phone("1004", "2", 3);
        rig.phone("1005", "never", 5);
        try (Desktop first = desktop(agent("1001"));
                Desktop second = desktop(agent("1004"))) {
            rig.callIn("500", "+4930999666", "Gina Phone", 40);
            String callId = firstPop(first);
            CallHandle handle = await().atMost(Duration.ofSeconds(10))
                    .until(() -> handles.ofAgent("1001"), Optional::isPresent)
                    .orElseThrow();

            // what a phone's transfer key does: Asterisk's BlindTransfer of the agent's channel, not Switchboard's
            ManagerConnection ami = new ManagerConnectionFactory(
                            "127.0.0.1", rig.pbxAmiPort(), "switchboard", rig.amiSecret())
                    .createManagerConnection();
            ami.login();
            try {
                ManagerResponse response =
                        ami.sendAction(new BlindTransferAction(handle.agentChannel(), "transfer", "sales"), 5000);
                assertThat(response.getResponse()).as(response.getMessage()).isEqualTo("Success");
            } finally {
                ami.logoff();
            }

            assertThat(firstPop(second)).isEqualTo(callId);
            assertEndedWith(second, callId, "1004", "support/1001 transferred", "sales/1004");
        }
    }

    /** AMI BlindTransfer (Asterisk 12+), which Asterisk-Java has no class for. */
    public static final class BlindTransferAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private final String channel;
        private final String context;
        private final String exten;

        BlindTransferAction(String channel, String context, String exten) {
            this.channel = channel;
            this.context = context;
            this.exten = exten;
        }

        @Override
        public String getAction() {
            return "BlindTransfer";
        }

        public String getChannel() {
            return channel;
        }

        public String getContext() {
            return context;
        }

        public String getExten() {
            return exten;
        }
    }

    /** The call ended at {@code desktop}, logged once as {@code extension}'s with these queue/agent legs. */
    private void assertEndedWith(Desktop desktop, String callId, String extension, String... legs) {
        awaitEnded(desktop, callId);
        assertThat(theActivityOf(callId)).containsEntry("agent_extension", extension);
        assertThat(legs(callId)).containsExactly(legs);
        assertOnlyNewActivities(1);
    }

    /** A call-control request the PBX accepted at once. */
    private void assertAccepted(String method, String path, String username) {
        assertThat(call(method, path, username, null).statusCode())
                .as(method + " " + path)
                .isEqualTo(202);
    }

    /** The phone stand-in of the extension has answered (its Local channel is up in the PBX). */
    private void awaitPhoneUp(String extension) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.pbxCli("core show channels")
                        .lines()
                        .anyMatch(
                                line -> line.startsWith("Local/" + extension + "@agent-sim") && line.contains(" Up ")));
    }
}
