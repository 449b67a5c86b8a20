package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Party CAROL = Party.of("+49301234567", "Carol");

    private final MutableClock clock = new MutableClock(T0);
    private final LiveBoard board = new LiveBoard(clock, Duration.ofSeconds(10));

    @Test
    void aQueueCallGoesFromQueuedToRingingToTalkingAndLeavesWhenItEnds() {
        board.handlers().handle(new CallStarted("c1", T0, CallDirection.INBOUND, CAROL, "500"));
        board.handlers().handle(new CallQueued("c1", T0.plusSeconds(1), "sales", 1, CAROL));
        assertThat(board.call("c1").orElseThrow().state()).isEqualTo(LiveCallState.QUEUED);

        board.handlers().handle(ringing("c1", "1004", 2));
        board.handlers().handle(ringing("c1", "1005", 2));
        LiveCall ringingBoth = board.call("c1").orElseThrow();
        assertThat(ringingBoth.state()).isEqualTo(LiveCallState.RINGING);
        assertThat(ringingBoth.ringing()).containsExactlyInAnyOrder("1004", "1005");
        assertThat(ringingBoth.involves("1004")).isTrue();

        board.handlers()
                .handle(new AgentRingStopped("c1", T0.plusSeconds(5), "1004", RingStopReason.ANSWERED_ELSEWHERE));
        board.handlers().handle(new CallAnswered("c1", T0.plusSeconds(5), "1005", "sales", 4));
        LiveCall talking = board.call("c1").orElseThrow();
        assertThat(talking.state()).isEqualTo(LiveCallState.TALKING);
        assertThat(talking.agent()).isEqualTo("1005");
        assertThat(talking.ringing()).isEmpty();
        assertThat(talking.answeredAt()).isEqualTo(T0.plusSeconds(5));

        board.handlers().handle(ended("c1"));
        assertThat(board.calls()).isEmpty();
    }

    @Test
    void aRingThatStopsWithoutAnswerPutsTheCallBackInItsQueue() {
        board.handlers().handle(new CallStarted("c2", T0, CallDirection.INBOUND, CAROL, "500"));
        board.handlers().handle(new CallQueued("c2", T0.plusSeconds(1), "support", 1, CAROL));
        board.handlers().handle(ringing("c2", "2000", 2));
        board.handlers().handle(new AgentRingStopped("c2", T0.plusSeconds(6), "2000", RingStopReason.NO_ANSWER));

        assertThat(board.call("c2").orElseThrow().state()).isEqualTo(LiveCallState.QUEUED);
        assertThat(board.call("c2").orElseThrow().involves("2000")).isFalse();
    }

    @Test
    void queuesAndAgentStatesKeepTheLatestWithTimeInState() {
        board.handlers().handle(new QueueChanged(T0, "support", 3, T0.minusSeconds(40)));
        board.handlers().handle(new AgentStateChanged(T0, "1001", "support", AgentState.READY, null));
        board.handlers().handle(new AgentStateChanged(T0.plusSeconds(10), "1001", "support", AgentState.READY, null));
        board.handlers()
                .handle(new AgentStateChanged(T0.plusSeconds(20), "1002", "support", AgentState.PAUSED, "Lunch"));

        assertThat(board.queues()).singleElement().satisfies(queue -> {
            assertThat(queue.waiting()).isEqualTo(3);
            assertThat(queue.longestWaitingSince()).isEqualTo(T0.minusSeconds(40));
        });
        assertThat(board.agents()).extracting(LiveAgent::extension).containsExactly("1001", "1002");
        assertThat(board.agents().get(0).since())
                .as("the same state keeps its start")
                .isEqualTo(T0);
        assertThat(board.agents().get(1).pausedReason()).isEqualTo("Lunch");

        board.handlers()
                .handle(new AgentStateChanged(T0.plusSeconds(30), "1002", "support", AgentState.LOGGED_OUT, null));
        assertThat(board.agents().get(1))
                .as("a logged-out agent stays on the board with the time since they left")
                .extracting(LiveAgent::state, LiveAgent::since)
                .containsExactly(AgentStatus.LOGGED_OUT, T0.plusSeconds(30));
    }

    @Test
    void afterACallTheAgentIsInWrapUpUntilTheQueuesWrapUpTimeIsOver() {
        board.handlers().handle(new AgentStateChanged(T0, "1005", "sales", AgentState.ON_CALL, null));
        board.handlers().handle(new AgentStateChanged(T0.plusSeconds(59), "1005", "sales", AgentState.READY, null));
        assertThat(board.agents().get(0).state())
                .as("the PBX says free a moment before the call's end reaches the board")
                .isEqualTo(AgentStatus.READY);

        clock.set(T0.plusSeconds(60));
        board.handlers().handle(ended("c9"));
        clock.set(T0.plusSeconds(65));
        assertThat(board.agents())
                .singleElement()
                .extracting(LiveAgent::state, LiveAgent::since)
                .containsExactly(AgentStatus.WRAP_UP, T0.plusSeconds(60));

        board.handlers().handle(new AgentStateChanged(T0.plusSeconds(66), "1005", "sales", AgentState.READY, null));
        assertThat(board.agents().get(0).state())
                .as("a member update inside the wrap-up keeps it")
                .isEqualTo(AgentStatus.WRAP_UP);

        clock.set(T0.plusSeconds(71));
        assertThat(board.agents())
                .singleElement()
                .extracting(LiveAgent::state, LiveAgent::since)
                .containsExactly(AgentStatus.READY, T0.plusSeconds(70));
    }

    @Test
    void theLastCallThePbxReportsWithTheFreeMemberStartsTheWrapUpBeforeTheCallsEndArrives() {
        board.handlers().handle(new AgentStateChanged(T0, "1005", "sales", AgentState.ON_CALL, null));
        // Asterisk's QueueMemberStatus at the call's end: Status 1 (free) with LastCall, the end in whole seconds
        clock.set(T0.plusMillis(59_600));
        board.handlers()
                .handle(new AgentStateChanged(
                        T0.plusMillis(59_600), "1005", "sales", AgentState.READY, null, T0.plusSeconds(59)));
        clock.set(T0.plusMillis(59_700));

        assertThat(board.agents())
                .as("in wrap-up at once, not ready until the call's end reaches the board")
                .singleElement()
                .extracting(LiveAgent::state, LiveAgent::since)
                .containsExactly(AgentStatus.WRAP_UP, T0.plusMillis(59_600));

        clock.set(T0.plusSeconds(60));
        board.handlers().handle(ended("c9"));
        clock.set(T0.plusSeconds(69));
        assertThat(board.agents().get(0).state()).isEqualTo(AgentStatus.WRAP_UP);
        clock.set(T0.plusSeconds(71));
        assertThat(board.agents().get(0).state()).isEqualTo(AgentStatus.READY);
    }

    @Test
    void theWrapUpLastsItsTimeOnThisClockWhateverThePbxsClockSays() {
        // the PBX's clock five minutes ahead of this machine's (or the simulator's, running faster)
        Instant pbx = T0.plusSeconds(300);
        clock.set(T0);
        board.handlers()
                .handle(new AgentStateChanged(pbx.plusMillis(400), "1005", "sales", AgentState.READY, null, pbx));

        clock.set(T0.plusSeconds(9));
        assertThat(board.agents().get(0).state()).isEqualTo(AgentStatus.WRAP_UP);
        clock.set(T0.plusSeconds(10));
        assertThat(board.agents().get(0).state())
                .as("10 s after the call on this clock, not on the PBX's")
                .isEqualTo(AgentStatus.READY);
    }

    @Test
    void aLastCallLongerAgoThanTheWrapUpLeavesTheAgentReady() {
        // free again after a call that was not the queue's (a direct call): the queue's last call is long over
        board.handlers()
                .handle(new AgentStateChanged(
                        T0.plusSeconds(60), "1005", "sales", AgentState.READY, null, T0.minusSeconds(600)));

        assertThat(board.agents().get(0).state()).isEqualTo(AgentStatus.READY);
    }

    @Test
    void eachQueueHasItsOwnWrapUpTimeReadAtTheEndOfEachCall() {
        Map<String, Duration> wrapUps =
                new HashMap<>(Map.of("sales", Duration.ofSeconds(30), "support", Duration.ZERO));
        LiveBoard perQueue = new LiveBoard(clock, queue -> wrapUps.getOrDefault(queue, Duration.ofSeconds(10)));
        perQueue.handlers().handle(new AgentStateChanged(T0.plusSeconds(59), "1005", "sales", AgentState.READY, null));
        perQueue.handlers()
                .handle(new AgentStateChanged(T0.plusSeconds(59), "1005", "support", AgentState.READY, null));

        clock.set(T0.plusSeconds(60));
        perQueue.handlers().handle(ended("c9"));
        clock.set(T0.plusSeconds(80));
        assertThat(perQueue.agents())
                .extracting(LiveAgent::queue, LiveAgent::state)
                .containsExactly(tuple("sales", AgentStatus.WRAP_UP), tuple("support", AgentStatus.READY));
        clock.set(T0.plusSeconds(91));
        assertThat(perQueue.agents().get(0).state()).isEqualTo(AgentStatus.READY);

        // a changed setting applies to the next call, without a new board
        wrapUps.put("sales", Duration.ofSeconds(5));
        perQueue.handlers().handle(new AgentStateChanged(T0.plusSeconds(119), "1005", "sales", AgentState.READY, null));
        clock.set(T0.plusSeconds(120));
        perQueue.handlers().handle(endedAt("c10", T0.plusSeconds(120)));
        clock.set(T0.plusSeconds(124));
        assertThat(perQueue.agents().get(0).state()).isEqualTo(AgentStatus.WRAP_UP);
        clock.set(T0.plusSeconds(126));
        assertThat(perQueue.agents().get(0).state()).isEqualTo(AgentStatus.READY);
    }

    @Test
    void anAgentWhoPausesDuringWrapUpIsPaused() {
        board.handlers().handle(new AgentStateChanged(T0.plusSeconds(59), "1005", "sales", AgentState.READY, null));
        board.handlers().handle(ended("c9"));
        board.handlers().handle(new AgentStateChanged(T0.plusSeconds(62), "1005", "sales", AgentState.PAUSED, "Break"));
        clock.set(T0.plusSeconds(63));
        assertThat(board.agents().get(0).state()).isEqualTo(AgentStatus.PAUSED);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AgentRinging ringing(String callId, String agent, long at) {
        return new AgentRinging(callId, T0.plusSeconds(at), agent, "sales", CallDirection.INBOUND, CAROL, "500", at);
    }

    private static CallEnded ended(String callId) {
        return endedAt(callId, T0.plusSeconds(60));
    }

    private static CallEnded endedAt(String callId, Instant at) {
        return new CallEnded(
                callId,
                at,
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
                false,
                List.of());
    }
}
