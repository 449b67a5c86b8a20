package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Desktop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AMI link cut and Asterisk restarted in the middle of a call: the call is logged once, and calls after it are
 * followed again.
 */
class LinkFaultsOnAsteriskTest extends ApplicationOnAsterisk {

    /**
     * When the link is cut, Asterisk-Java's reader thread ends with an uncaught RuntimeException ("Failed to shutdown
     * AsyncEventPump cleanly"); Awaitility would fail whichever wait is running then. The application reconnects
     * regardless, which is what these tests check.
     */
    @org.junit.jupiter.api.BeforeAll
    void asteriskJavasOwnThreadsMayThrowWhenTheLinkIsCut() {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @org.junit.jupiter.api.AfterAll
    void awaitilityAsBefore() {
        org.awaitility.Awaitility.reset();
    }

    @Test
    void aCallGoesOnThroughAShortLinkCutAndIsLoggedOnce() {
        rig.phone("1001", "1", 6);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930777001", "Cut Short", 30);
            String callId = firstPop(desktop);
            awaitTalking(desktop, callId);

            rig.cutAmiLink();
            awaitLinkUp();

            Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
            assertThat(activity)
                    .containsEntry("call_id", callId)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("queue", "support")
                    .containsEntry("agent_extension", "1001");
        }
    }

    @Test
    void aCallThatEndsWhileTheLinkIsDownIsReconciledOnceAfterTheReconnect() {
        rig.phone("1001", "1", 3);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930777002", "Ends Unseen", 30);
            String callId = firstPop(desktop);
            awaitTalking(desktop, callId);

            // down for longer than the rest of the call: its end is learnt from the resync after the reconnect
            rig.cutAmiLinkFor(Duration.ofSeconds(6));
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.activeChannels() == 0);
            awaitLinkUp();

            Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
            assertThat(activity)
                    .containsEntry("call_id", callId)
                    .containsEntry("direction", "INBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "1001")
                    .containsEntry("reconciled", true);
            awaitEnded(desktop, callId);
        }
    }

    @Test
    void asteriskRestartedMidCallEndsTheCallOnceAndCallsAfterwardsAreFollowed() {
        rig.phone("1002", "1", 20);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.phone("1001", "1", 20);
            rig.callIn("500", "+4930777003", "Restart Midcall", 40);
            String callId = firstPop(desktop);
            awaitTalking(desktop, callId);

            rig.restartPbx();
            awaitLinkUp();

            Map<String, Object> activity = assertOnlyNewActivities(1).get(0);
            assertThat(activity)
                    .containsEntry("call_id", callId)
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "1001");
            awaitEnded(desktop, callId);
        }
        // logged-in agents survived the restart (persistentmembers) and the next call is followed as usual
        rig.phone("1001", "1", 2);
        try (Desktop desktop = desktop(agent("1001"))) {
            rig.callIn("500", "+4930777004", "After Restart", 20);
            String callId = firstPop(desktop);
            awaitEnded(desktop, callId);
            assertThat(theActivityOf(callId))
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "1001");
        }
    }

    private static void awaitTalking(Desktop desktop, String callId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> desktop.received("callUpdate").stream()
                        .anyMatch(update -> update.path("callId").asText().equals(callId)
                                && update.path("state").asText().equals("TALKING")));
    }
}
