package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.*;
import io.switchboard.gateway.call.PbxEvent.*;
import org.junit.jupiter.api.Test;

/** Calls as a PBX that reports whole calls (the webhook) tells of them: began, agent rang, answered, hung up. */
class ReportedCallTrackingTest extends TrackerTestBase {

    private long now = 1_795_388_136_000L;

    private long advance(long seconds) {
        now += seconds * 1000;
        return now;
    }

    private double skipped(String reason) {
        var counter = registry.find("switchboard.calls.events.skipped")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private CallBegan inbound(String callId) {
        return new CallBegan(now, callId, CallDirection.INBOUND, "+4930123456", "Alice Example", "500", null);
    }

    private CallBegan queued(String callId) {
        return new CallBegan(now, callId, CallDirection.INBOUND, "+4930123456", "Alice Example", "500", "support");
    }

    @Test
    void theStatedDirectionIsTrustedEvenForAWithheldNumber() {
        apply(new CallBegan(now, "c-1", CallDirection.INBOUND, null, null, "500", null));

        assertThat(sink.started()).singleElement().satisfies(started -> {
            assertThat(started.direction()).isEqualTo(CallDirection.INBOUND);
            assertThat(started.caller()).isEqualTo(Party.UNKNOWN);
            assertThat(started.callee()).isEqualTo("500");
        });
        assertThat(tracker.activeCalls()).isEqualTo(1);
    }

    @Test
    void ringTimeIsTheAnsweringAgentsOwnAndTheCallLeavesItsQueueOnAnswer() {
        apply(queued("c-1"));
        apply(new AgentAlerted(advance(2), "c-1", "1001"));
        apply(new AgentAlerted(advance(15), "c-1", "1002"));
        apply(new AgentAnswered(advance(4), "c-1", "1002"));
        apply(new CallHungUp(advance(30), "c-1", 16, "Normal Clearing"));

        assertThat(sink.of(CallQueued.class)).extracting(CallQueued::position).containsExactly(1);
        assertThat(sink.of(QueueChanged.class))
                .extracting(QueueChanged::waiting)
                .containsExactly(1, 0);
        assertThat(sink.of(AgentRingStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.agent()).isEqualTo("1001");
            assertThat(stopped.reason()).isEqualTo(RingStopReason.ANSWERED_ELSEWHERE);
        });
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(ended.firstRangAgent()).isEqualTo("1001");
            assertThat(ended.answeredBy()).isEqualTo("1002");
            assertThat(ended.ringSeconds()).isEqualTo(4);
            assertThat(ended.waitSeconds()).isEqualTo(21);
            assertThat(ended.talkSeconds()).isEqualTo(30);
        });
    }

    @Test
    void aSecondCallerWaitingInTheSameQueueIsSecondInLine() {
        apply(queued("c-1"));
        apply(queued("c-2"));

        assertThat(sink.of(CallQueued.class)).extracting(CallQueued::position).containsExactly(1, 2);
    }

    @Test
    void hangingUpUnansweredInAQueueIsAbandonedOnceWithTheTimeWaited() {
        apply(queued("c-1"));
        apply(new CallHungUp(advance(9), "c-1", 16, "Normal Clearing"));

        assertThat(sink.typesFor("c-1")).containsExactly("CallStarted", "CallQueued", "CallAbandoned", "CallEnded");
        assertThat(sink.of(CallAbandoned.class)).singleElement().satisfies(abandoned -> {
            assertThat(abandoned.position()).isEqualTo(1);
            assertThat(abandoned.waitSeconds()).isEqualTo(9);
        });
        assertThat(sink.ended().get(0).outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void aSecondAnswerByAnotherAgentHandsTheCallOnWithoutChangingWhoAnsweredFirst() {
        apply(inbound("c-1"), new AgentAnswered(advance(3), "c-1", "1001"));
        apply(new AgentAnswered(advance(20), "c-1", "1002"));
        apply(new AgentAnswered(advance(1), "c-1", "1002"));
        apply(new CallHungUp(advance(10), "c-1", 16, "Normal Clearing"));

        assertThat(sink.of(CallAnswered.class)).extracting(CallAnswered::agent).containsExactly("1001", "1002");
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.answeredBy()).isEqualTo("1001");
            assertThat(ended.finalAgent()).isEqualTo("1002");
            assertThat(ended.talkSeconds()).isEqualTo(31);
        });
    }

    @Test
    void aRepeatedStartNeitherRestartsNorRequeuesTheCall() {
        apply(queued("c-1"), new AgentAnswered(advance(5), "c-1", "1001"));
        apply(queued("c-1"));
        apply(new CallHungUp(advance(10), "c-1", 16, "Normal Clearing"));

        assertThat(sink.typesFor("c-1")).containsExactly("CallStarted", "CallQueued", "CallAnswered", "CallEnded");
        assertThat(sink.of(QueueChanged.class))
                .extracting(QueueChanged::waiting)
                .containsExactly(1, 0);
        assertThat(sink.ended().get(0).outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(skipped("duplicate")).isEqualTo(1);
    }

    @Test
    void repeatedLateAndUnknownReportsAreToleratedAndCounted() {
        apply(inbound("c-1"), inbound("c-1"));
        apply(new CallHungUp(advance(1), "c-1", 16, "Normal Clearing"));
        apply(inbound("c-1"), new CallHungUp(now, "c-1", 16, "Normal Clearing"));
        apply(new AgentAlerted(now, "c-unknown", "1001"), new AgentAnswered(now, "c-unknown", "1001"));

        assertThat(sink.started()).hasSize(1);
        assertThat(sink.ended()).hasSize(1);
        assertThat(skipped("duplicate")).isEqualTo(1);
        assertThat(skipped("after_end")).isEqualTo(2);
        assertThat(skipped("unknown_channel")).isEqualTo(2);
    }
}
