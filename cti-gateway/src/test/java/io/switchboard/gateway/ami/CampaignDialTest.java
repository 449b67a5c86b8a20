package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.OriginateFailed;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.RecordingSink;
import io.switchboard.simulator.OutboundModel;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Customer-first calls ({@code PbxCommands.dial}) sent to the simulator over AMI and followed back by the gateway:
 * every way the customer's line can answer, as the dialer sees it.
 */
class CampaignDialTest {

    private static final String NUMBER = "4930555777";

    private GatewayFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(int campaignAgents) {
        fixture = GatewayFixture.start(SimulatorSettings.defaults()
                .withTimeScale(20)
                .withOutbound(OutboundModel.defaults().withQueue("campaign", campaignAgents)));
    }

    private String dial(String outcome) throws Exception {
        DialRequest request = DialRequest.toQueue(
                NUMBER,
                "4930111000",
                "campaign",
                Duration.ofSeconds(3),
                Map.of(
                        "SWITCHBOARD_CAMPAIGN", "7",
                        "SWITCHBOARD_ATTEMPT", "42",
                        "SIM_OUTCOME", outcome,
                        "SIM_RING", "1",
                        "SIM_TALK", "2"));
        return fixture.gateway.commands().dial(request).get(5, TimeUnit.SECONDS);
    }

    /** The call the dialer placed, found by the attempt id it tagged the call with. */
    private String callOfAttempt() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.of(CallTagged.class).stream()
                        .anyMatch(t -> t.name().equals("SWITCHBOARD_ATTEMPT")));
        return fixture.sink.of(CallTagged.class).stream()
                .filter(t -> t.name().equals("SWITCHBOARD_ATTEMPT") && t.value().equals("42"))
                .findFirst()
                .orElseThrow()
                .callId();
    }

    private CallEnded ended(String callId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        fixture.sink.ended().stream().anyMatch(e -> e.callId().equals(callId))
                                && fixture.gateway.activeCalls() == 0);
        List<CallEnded> ends = fixture.sink.ended().stream()
                .filter(e -> e.callId().equals(callId))
                .toList();
        assertThat(ends).hasSize(1);
        return ends.get(0);
    }

    private List<CallEvent> eventsOf(String callId) {
        return fixture.sink.all().stream()
                .filter(e -> callId.equals(RecordingSink.callIdOf(e)))
                .toList();
    }

    @Test
    void personIsQueuedRungToAFreeAgentAndConnected() throws Exception {
        start(2);
        dial("HUMAN");
        String callId = callOfAttempt();
        CallEnded ended = ended(callId);

        assertThat(ended.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(ended.callee()).isEqualTo(NUMBER);
        assertThat(ended.queue()).isEqualTo("campaign");
        assertThat(ended.answeredBy()).isEqualTo("3001");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        List<CallEvent> events = eventsOf(callId);
        assertThat(events.get(0)).isInstanceOfSatisfying(CallStarted.class, started -> {
            assertThat(started.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(started.callee()).isEqualTo(NUMBER);
        });
        assertThat(fixture.sink.of(AgentRinging.class)).singleElement().satisfies(ringing -> {
            assertThat(ringing.agent()).isEqualTo("3001");
            assertThat(ringing.queue()).isEqualTo("campaign");
            assertThat(ringing.caller().number()).isEqualTo(NUMBER);
            assertThat(ringing.direction()).isEqualTo(CallDirection.OUTBOUND);
        });
        assertThat(fixture.sink.of(CallQueued.class))
                .singleElement()
                .satisfies(q -> assertThat(q.queue()).isEqualTo("campaign"));
        assertThat(fixture.sink.of(CallAnswered.class))
                .singleElement()
                .satisfies(a -> assertThat(a.agent()).isEqualTo("3001"));
        int ringingAt = indexOf(events, AgentRinging.class);
        assertThat(tagIndex(events, "SWITCHBOARD_CAMPAIGN")).isLessThan(ringingAt);
        assertThat(tagIndex(events, "SWITCHBOARD_ATTEMPT")).isLessThan(ringingAt);
        assertThat(tags(callId, "AMDSTATUS")).containsExactly("HUMAN");
        assertThat(fixture.sink.of(OriginateFailed.class)).isEmpty();
        assertThat(fixture.sink.of(AgentStateChanged.class)).anySatisfy(state -> {
            assertThat(state.agent()).isEqualTo("3001");
            assertThat(state.queue()).isEqualTo("campaign");
        });
    }

    @Test
    void machineIsTaggedAndEndsAnsweredWithoutAnAgent() throws Exception {
        start(2);
        dial("MACHINE");
        String callId = callOfAttempt();
        CallEnded ended = ended(callId);

        assertThat(tags(callId, "AMDSTATUS")).containsExactly("MACHINE");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.answeredBy()).isNull();
        assertThat(ended.queue()).isNull();
        assertThat(fixture.sink.of(AgentRinging.class)).isEmpty();
        assertThat(fixture.sink.of(OriginateFailed.class)).isEmpty();
    }

    @Test
    void personNobodyIsFreeForIsDroppedFromTheQueueAnsweredWithoutAnAgent() throws Exception {
        start(0);
        dial("ANSWERED"); // the click-to-dial spelling of a person answering
        String callId = callOfAttempt();
        CallEnded ended = ended(callId);

        assertThat(tags(callId, "AMDSTATUS")).containsExactly("HUMAN");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.queue()).isEqualTo("campaign");
        assertThat(ended.answeredBy()).isNull();
        assertThat(fixture.sink.of(AgentRinging.class)).isEmpty();
    }

    @Test
    void busyLineFailsTheOriginateAndEndsTheCallBusy() throws Exception {
        start(1);
        // Asterisk 22 gives a busy Local-channel originate Reason 0 (an unspecified failure): only the call's
        // hangup cause says busy
        assertFails("BUSY", CallOutcome.FAILED, CallOutcome.BUSY, 17);
    }

    @Test
    void unansweredLineFailsTheOriginateAtItsTimeoutAndEndsTheCallNoAnswer() throws Exception {
        start(1);
        assertFails("NO_ANSWER", CallOutcome.NO_ANSWER, CallOutcome.NO_ANSWER, 19);
    }

    @Test
    void congestedCarrierFailsTheOriginateAndEndsTheCallFailed() throws Exception {
        start(1);
        assertFails("FAILED", CallOutcome.FAILED, CallOutcome.FAILED, 34);
    }

    @Test
    void aBusyLineWhoseContextRunsTheFailedExtensionIsStillOneOutboundCall() throws Exception {
        start(1);
        // as Asterisk 22 runs a pattern-matched "failed" extension: an OutgoingSpoolFailed channel with the
        // campaign's caller id in the connect context; it is no call to anyone
        DialRequest request = DialRequest.toQueue(
                NUMBER,
                "4930111000",
                "campaign",
                Duration.ofSeconds(3),
                Map.of("SWITCHBOARD_ATTEMPT", "42", "SIM_OUTCOME", "BUSY", "SIM_FAILED_EXTENSION", "1"));
        fixture.gateway.commands().dial(request).get(5, TimeUnit.SECONDS);
        String callId = callOfAttempt();
        ended(callId);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fixture.counter("switchboard.calls.events.skipped", "reason", "not_a_call") >= 1);

        assertThat(fixture.sink.started()).singleElement().satisfies(started -> {
            assertThat(started.callId()).isEqualTo(callId);
            assertThat(started.direction()).isEqualTo(CallDirection.OUTBOUND);
        });
        assertThat(fixture.sink.ended())
                .singleElement()
                .satisfies(ended -> assertThat(ended.outcome()).isEqualTo(CallOutcome.BUSY));
        assertThat(fixture.sink.of(OriginateFailed.class)).hasSize(1);
    }

    private void assertFails(String simOutcome, CallOutcome refused, CallOutcome outcome, int cause) throws Exception {
        String actionId = dial(simOutcome);
        String callId = callOfAttempt();
        CallEnded ended = ended(callId);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !fixture.sink.of(OriginateFailed.class).isEmpty());

        assertThat(fixture.sink.of(OriginateFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.actionId()).isEqualTo(actionId);
            assertThat(failed.outcome()).isEqualTo(refused);
        });
        assertThat(ended.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(ended.callee()).isEqualTo(NUMBER);
        assertThat(ended.outcome()).isEqualTo(outcome);
        assertThat(ended.answeredBy()).isNull();
        assertThat(ended.hangupCause()).isEqualTo(cause);
        assertThat(fixture.sink.of(CallTagged.class)).noneMatch(t -> t.name().equals("AMDSTATUS"));
    }

    private List<String> tags(String callId, String name) {
        return fixture.sink.of(CallTagged.class).stream()
                .filter(t -> t.callId().equals(callId) && t.name().equals(name))
                .map(CallTagged::value)
                .toList();
    }

    private static int indexOf(List<CallEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    private static int tagIndex(List<CallEvent> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof CallTagged tagged && tagged.name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no tag " + name + " in " + events);
    }
}
