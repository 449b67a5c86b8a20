package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Party CAROL = Party.of("+49301234567", "Carol");

    private final LiveBoard board = new LiveBoard();

    @Test
    void aQueueCallGoesFromQueuedToRingingToTalkingAndLeavesWhenItEnds() {
        board.onCallEvent(new CallStarted("c1", T0, CallDirection.INBOUND, CAROL, "500"));
        board.onCallEvent(new CallQueued("c1", T0.plusSeconds(1), "sales", 1, CAROL));
        assertThat(board.call("c1").orElseThrow().state()).isEqualTo(LiveCallState.QUEUED);

        board.onCallEvent(ringing("c1", "1004", 2));
        board.onCallEvent(ringing("c1", "1005", 2));
        LiveCall ringingBoth = board.call("c1").orElseThrow();
        assertThat(ringingBoth.state()).isEqualTo(LiveCallState.RINGING);
        assertThat(ringingBoth.ringing()).containsExactlyInAnyOrder("1004", "1005");
        assertThat(ringingBoth.involves("1004")).isTrue();

        board.onCallEvent(new AgentRingStopped("c1", T0.plusSeconds(5), "1004", RingStopReason.ANSWERED_ELSEWHERE));
        board.onCallEvent(new CallAnswered("c1", T0.plusSeconds(5), "1005", "sales", 4));
        LiveCall talking = board.call("c1").orElseThrow();
        assertThat(talking.state()).isEqualTo(LiveCallState.TALKING);
        assertThat(talking.agent()).isEqualTo("1005");
        assertThat(talking.ringing()).isEmpty();
        assertThat(talking.answeredAt()).isEqualTo(T0.plusSeconds(5));

        board.onCallEvent(ended("c1"));
        assertThat(board.calls()).isEmpty();
    }

    @Test
    void aRingThatStopsWithoutAnswerPutsTheCallBackInItsQueue() {
        board.onCallEvent(new CallStarted("c2", T0, CallDirection.INBOUND, CAROL, "500"));
        board.onCallEvent(new CallQueued("c2", T0.plusSeconds(1), "support", 1, CAROL));
        board.onCallEvent(ringing("c2", "2000", 2));
        board.onCallEvent(new AgentRingStopped("c2", T0.plusSeconds(6), "2000", RingStopReason.NO_ANSWER));

        assertThat(board.call("c2").orElseThrow().state()).isEqualTo(LiveCallState.QUEUED);
        assertThat(board.call("c2").orElseThrow().involves("2000")).isFalse();
    }

    @Test
    void queuesAndAgentStatesKeepTheLatestWithTimeInState() {
        board.onCallEvent(new QueueChanged(T0, "support", 3, T0.minusSeconds(40)));
        board.onCallEvent(new AgentStateChanged(T0, "1001", "support", AgentState.READY, null));
        board.onCallEvent(new AgentStateChanged(T0.plusSeconds(10), "1001", "support", AgentState.READY, null));
        board.onCallEvent(new AgentStateChanged(T0.plusSeconds(20), "1002", "support", AgentState.PAUSED, "Lunch"));

        assertThat(board.queues()).singleElement().satisfies(queue -> {
            assertThat(queue.waiting()).isEqualTo(3);
            assertThat(queue.longestWaitingSince()).isEqualTo(T0.minusSeconds(40));
        });
        assertThat(board.agents()).extracting(LiveAgent::extension).containsExactly("1001", "1002");
        assertThat(board.agents().get(0).since())
                .as("the same state keeps its start")
                .isEqualTo(T0);
        assertThat(board.agents().get(1).pausedReason()).isEqualTo("Lunch");

        board.onCallEvent(new AgentStateChanged(T0.plusSeconds(30), "1002", "support", AgentState.LOGGED_OUT, null));
        assertThat(board.agents()).extracting(LiveAgent::extension).containsExactly("1001");
    }

    private static AgentRinging ringing(String callId, String agent, long at) {
        return new AgentRinging(callId, T0.plusSeconds(at), agent, "sales", CallDirection.INBOUND, CAROL, "500", at);
    }

    private static CallEnded ended(String callId) {
        return new CallEnded(
                callId,
                T0.plusSeconds(60),
                CallDirection.INBOUND,
                CAROL,
                "500",
                "sales",
                "1004",
                "1005",
                "1005",
                T0,
                T0.plusSeconds(5),
                3,
                4,
                55,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false);
    }
}
