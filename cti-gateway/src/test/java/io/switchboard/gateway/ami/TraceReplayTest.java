package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Replays the traces recorded from a real Asterisk 22 through the simulator, over TCP into Asterisk-Java and the
 * tracker, and checks the calls against what the traces' README says happened.
 */
class TraceReplayTest extends RecordedTraces {

    @Test
    void queueCallAnsweredByAgent1001() throws Exception {
        CallEnded call = theCall("queue_answered.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.caller().number()).isEqualTo("+4930123456");
        assertThat(call.caller().name()).isEqualTo("Alice Example");
        assertThat(call.callee()).isEqualTo("500");
        assertThat(call.queue()).isEqualTo("support");
        assertThat(rang()).containsExactly("1001");
        assertThat(call.answeredBy()).isEqualTo("1001");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.ringSeconds()).isEqualTo(2);
        assertThat(call.waitSeconds()).isEqualTo(2);
        assertThat(call.talkSeconds()).isEqualTo(5);
        assertThat(call.hangupCause()).isEqualTo(16);
    }

    @Test
    void agent1001IsFreeAgainWithTheEndOfTheCallAsItsLastCall() throws Exception {
        theCall("queue_answered.ami");

        // Asterisk reports the member free (Status 1) with LastCall, the call's end, before the call's hangups: the
        // board starts the wrap-up from it
        AgentStateChanged free = fixture.sink.of(AgentStateChanged.class).stream()
                .filter(state -> state.agent().equals("1001") && state.queue().equals("support"))
                .filter(state -> state.state() == AgentState.READY && state.lastCall() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no READY with its LastCall for 1001: " + fixture.sink.of(AgentStateChanged.class)));
        assertThat(free.lastCall()).isEqualTo(Instant.ofEpochSecond(1795388144L));
    }

    @Test
    void queueCallAbandonedWhileAgent1001Rang() throws Exception {
        CallEnded call = theCall("queue_abandoned.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.caller().number()).isEqualTo("+442071234567");
        assertThat(call.caller().name()).isEqualTo("Bob Caller");
        assertThat(call.queue()).isEqualTo("support");
        assertThat(rang()).containsExactly("1001");
        assertThat(call.answeredBy()).isNull();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(call.waitSeconds()).isBetween(4L, 6L);
        assertThat(call.talkSeconds()).isZero();
    }

    @Test
    void ringAllCallAnsweredBy1005While1004Rang() throws Exception {
        CallEnded call = theCall("ringall_answered.ami");

        assertThat(call.caller().number()).isEqualTo("0301234567");
        assertThat(call.caller().name()).isEqualTo("Carol National");
        assertThat(call.callee()).isEqualTo("501");
        assertThat(call.queue()).isEqualTo("sales");
        assertThat(rang()).containsExactlyInAnyOrder("1004", "1005");
        assertThat(call.answeredBy()).isEqualTo("1005");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.waitSeconds()).isEqualTo(3);
        assertThat(call.talkSeconds()).isEqualTo(6);
    }

    @Test
    void clickToDialAnsweredByTheCustomer() throws Exception {
        CallEnded call = theCall("outbound_answered.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.caller().number()).isEqualTo("1002");
        assertThat(call.callee()).isEqualTo("4930555551");
        assertThat(call.answeredBy()).isEqualTo("1002");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.talkSeconds()).isEqualTo(4);
        assertThat(rang()).as("no pop for one's own click-to-dial").isEmpty();
    }

    @Test
    void clickToDialToABusyLine() throws Exception {
        CallEnded call = theCall("outbound_busy.ami");

        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.caller().number()).isEqualTo("1003");
        assertThat(call.callee()).isEqualTo("4930555552");
        assertThat(call.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(call.finalAgent())
                .as("the agent who dialled, for their own call log")
                .isEqualTo("1003");
        assertThat(call.hangupCause()).isEqualTo(17);
        assertThat(call.talkSeconds()).isZero();
    }
}
