package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.simulator.AttendedTransfer;
import io.switchboard.simulator.BlindTransfer;
import io.switchboard.simulator.OutboundCall;
import io.switchboard.simulator.OutboundOutcome;
import io.switchboard.simulator.RingNoAnswerThenAnswered;
import io.switchboard.simulator.Scenario;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's scenarios without a recorded trace (transfers, retries), followed over TCP by the gateway. */
class ScenarioTrackingTest {

    private GatewayFixture fixture;

    @BeforeEach
    void start() {
        fixture = GatewayFixture.start(SimulatorSettings.defaults().withTimeScale(50));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private SimulatedCall play(Scenario scenario, int expectedEnds) throws Exception {
        SimulatedCall call = fixture.simulator.run(scenario).get(20, java.util.concurrent.TimeUnit.SECONDS);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> fixture.sink.ended().size() >= expectedEnds && fixture.gateway.activeCalls() == 0);
        return call;
    }

    private CallEnded endedCall(String linkedid) {
        return fixture.sink.ended().stream()
                .filter(e -> e.callId().equals(linkedid))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void agentWhoDoesNotAnswerHasTheirPopWithdrawnAndTheNextAgentTakesTheCall() throws Exception {
        SimulatedCall call = play(RingNoAnswerThenAnswered.example(), 1);

        assertThat(fixture.sink.of(AgentRinging.class))
                .extracting(AgentRinging::agent)
                .containsExactly("1001", "1002");
        assertThat(fixture.sink.of(AgentRingStopped.class)).singleElement().satisfies(stop -> {
            assertThat(stop.agent()).isEqualTo("1001");
            assertThat(stop.reason()).isEqualTo(RingStopReason.NO_ANSWER);
        });
        CallEnded ended = endedCall(call.linkedid());
        assertThat(ended.firstRangAgent()).isEqualTo("1001");
        assertThat(ended.answeredBy()).isEqualTo("1002");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.waitSeconds()).isBetween(17L, 19L);
        // at 50x speed a millisecond of scheduling jitter is 50 simulated ms; durations are whole seconds, truncated
        assertThat(ended.talkSeconds()).isBetween(4L, 5L);
    }

    @Test
    void blindTransferMovesTheCallToTheTargetAgent() throws Exception {
        SimulatedCall call = play(BlindTransfer.example(), 1);

        assertThat(fixture.sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransferKind.BLIND);
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1003");
        });
        assertThat(fixture.sink.started()).hasSize(1);
        CallEnded ended = endedCall(call.linkedid());
        assertThat(ended.answeredBy()).isEqualTo("1001");
        assertThat(ended.finalAgent()).isEqualTo("1003");
        assertThat(ended.talkSeconds()).isBetween(10L, 12L);
    }

    @Test
    void attendedTransferEndsTheConsultationCallOnceAndTheCustomersCallContinues() throws Exception {
        SimulatedCall call = play(AttendedTransfer.example(), 2);

        assertThat(fixture.sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransferKind.ATTENDED);
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1002");
        });
        List<CallEnded> ended = fixture.sink.ended();
        assertThat(ended).hasSize(2);
        assertThat(ended).extracting(CallEnded::callId).doesNotHaveDuplicates();
        CallEnded customer = endedCall(call.linkedid());
        assertThat(customer.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(customer.answeredBy()).isEqualTo("1001");
        assertThat(customer.finalAgent()).isEqualTo("1002");
        assertThat(fixture.sink.started()).hasSize(2);
    }

    @Test
    void outboundCallNobodyAnswersEndsAsNoAnswer() throws Exception {
        play(OutboundCall.of("1002", "4930555553", OutboundOutcome.NO_ANSWER), 1);

        assertThat(fixture.sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(ended.callee()).isEqualTo("4930555553");
            assertThat(ended.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
            assertThat(ended.hangupCause()).isEqualTo(19);
        });
    }
}
