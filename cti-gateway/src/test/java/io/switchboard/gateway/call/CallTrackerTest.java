package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.*;
import io.switchboard.gateway.call.PbxEvent.*;
import org.junit.jupiter.api.Test;

class CallTrackerTest extends TrackerTestBase {

    private double skipped(String reason) {
        var counter = registry.find("switchboard.calls.events.skipped")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A caller in queue {@code support} rung to agent 1001 over a Local pair; returns the pair's ids. */
    private String[] queueCallRingingAgent(String caller, String agent) {
        String one = pbx.id();
        String two = pbx.id();
        apply(pbx.trunkCall(caller, "+4930123456", "Alice Example", "500"), pbx.join(caller, "support"));
        apply(
                pbx.agentLeg(one, caller, agent, 1),
                pbx.agentLeg(two, caller, agent, 2),
                new LocalPairBridged(pbx.now, one, two),
                pbx.agentCalled(caller, "support", agent, one),
                pbx.dial(caller, one, agent));
        return new String[] {one, two};
    }

    @Test
    void queueCallAnsweredByAnAgentEmitsItsLifecycleAndEndsOnce() {
        String caller = pbx.id();
        String[] leg = queueCallRingingAgent(caller, "1001");
        pbx.advance(2);
        apply(
                pbx.dialEnd(caller, leg[0], "ANSWER"),
                pbx.leave(caller, "support"),
                pbx.connect(caller, "support", "1001", 2, 2));
        pbx.advance(5);
        apply(
                pbx.hangup(leg[1], 16),
                pbx.complete(caller, "support", "1001", 5),
                pbx.hangup(leg[0], 16),
                pbx.hangup(caller, 16));

        assertThat(sink.typesFor(caller))
                .containsExactly("CallStarted", "CallQueued", "AgentRinging", "CallAnswered", "CallEnded");
        CallEnded ended = sink.ended().get(0);
        assertThat(ended.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(ended.caller()).isEqualTo(new Party("+4930123456", "Alice Example"));
        assertThat(ended.callee()).isEqualTo("500");
        assertThat(ended.queue()).isEqualTo("support");
        assertThat(ended.answeredBy()).isEqualTo("1001");
        assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(ended.waitSeconds()).isEqualTo(2);
        assertThat(ended.ringSeconds()).isEqualTo(2);
        assertThat(ended.talkSeconds()).isEqualTo(5);
        assertThat(ended.hangupCause()).isEqualTo(16);
        assertThat(tracker.activeCalls()).isZero();
        assertThat(sink.of(QueueChanged.class))
                .extracting(QueueChanged::waiting)
                .containsExactly(1, 0);
    }

    @Test
    void aFailedOriginatesFailedExtensionIsNoCall() {
        // as Asterisk 22 runs it when a campaign originate is busy and campaign-connect matches "failed": the
        // originate's caller id on a channel of its own, in the originate's context
        String failed = pbx.id();
        apply(
                new ChannelCreated(
                        pbx.now,
                        failed,
                        failed,
                        "OutgoingSpoolFailed",
                        "+4930999000",
                        "Winter offer",
                        "campaign-connect",
                        "failed",
                        false),
                new ChannelStateChanged(pbx.now, failed, true));
        pbx.advance(1);
        apply(pbx.hangup(failed, 16));

        assertThat(sink.typesFor(failed)).isEmpty();
        assertThat(sink.ended()).isEmpty();
        assertThat(tracker.activeCalls()).isZero();
        assertThat(skipped("not_a_call")).isEqualTo(1);
    }

    @Test
    void ringAllWithdrawsTheRingFromAgentsWhoDidNotAnswer() {
        String caller = pbx.id();
        String a1 = pbx.id(), a2 = pbx.id(), b1 = pbx.id(), b2 = pbx.id();
        apply(
                pbx.trunkCall(caller, "0301234567", "Carol National", "501"),
                pbx.join(caller, "sales"),
                pbx.agentLeg(a1, caller, "1004", 1),
                pbx.agentLeg(a2, caller, "1004", 2),
                pbx.agentLeg(b1, caller, "1005", 1),
                pbx.agentLeg(b2, caller, "1005", 2),
                pbx.agentCalled(caller, "sales", "1004", a1),
                pbx.agentCalled(caller, "sales", "1005", b1),
                pbx.dial(caller, a1, "1004"),
                pbx.dial(caller, b1, "1005"));
        pbx.advance(3);
        apply(
                pbx.dialEnd(caller, b1, "ANSWER"),
                pbx.dialEnd(caller, a1, "CANCEL"),
                pbx.hangup(a2, 16),
                pbx.hangup(a1, 16),
                pbx.connect(caller, "sales", "1005", 3, 3));

        assertThat(sink.of(AgentRinging.class)).extracting(AgentRinging::agent).containsExactly("1004", "1005");
        assertThat(sink.of(AgentRingStopped.class)).singleElement().satisfies(stop -> {
            assertThat(stop.agent()).isEqualTo("1004");
            assertThat(stop.reason()).isEqualTo(RingStopReason.ANSWERED_ELSEWHERE);
        });
        assertThat(sink.of(CallAnswered.class)).extracting(CallAnswered::agent).containsExactly("1005");
        apply(pbx.hangup(b2, 16), pbx.hangup(b1, 16), pbx.hangup(caller, 16));
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.firstRangAgent()).isEqualTo("1004");
            assertThat(ended.answeredBy()).isEqualTo("1005");
        });
    }

    @Test
    void callerHangingUpInTheQueueIsAbandonedWithItsWaitTime() {
        String caller = pbx.id();
        String[] leg = queueCallRingingAgent(caller, "1001");
        pbx.advance(5);
        apply(
                new QueueCallerAbandoned(pbx.now, caller, "support", 1, 5),
                pbx.leave(caller, "support"),
                pbx.dialEnd(caller, leg[0], "CANCEL"),
                pbx.hangup(leg[0], 16),
                pbx.hangup(leg[1], 16),
                pbx.hangup(caller, 16));

        assertThat(sink.of(CallAbandoned.class))
                .singleElement()
                .satisfies(a -> assertThat(a.waitSeconds()).isEqualTo(5));
        assertThat(sink.of(AgentRingStopped.class))
                .singleElement()
                .satisfies(stop -> assertThat(stop.reason()).isEqualTo(RingStopReason.CALLER_LEFT));
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(CallOutcome.ABANDONED);
            assertThat(ended.answeredBy()).isNull();
            assertThat(ended.waitSeconds()).isEqualTo(5);
            assertThat(ended.talkSeconds()).isZero();
        });
    }

    /** Click-to-dial as Asterisk does it: the agent's phone is originated first, then it dials the trunk. */
    private String[] outboundCallDialling(String agent, String number) {
        String one = pbx.id(), two = pbx.id(), trunk = pbx.id();
        apply(
                pbx.agentLeg(one, one, agent, 1),
                pbx.agentLeg(two, one, agent, 2),
                new LocalPairBridged(pbx.now, one, two),
                new DialBegan(pbx.now, null, one, agent, agent));
        pbx.advance(1);
        apply(
                new DialEnded(pbx.now, null, one, "ANSWER"),
                pbx.channel(trunk, one, "IAX2/carrier-2616", "default", "s"),
                pbx.dial(one, trunk, number));
        return new String[] {one, two, trunk};
    }

    @Test
    void clickToDialToABusyLineEndsBusyWithTheAgentAsCaller() {
        String[] legs = outboundCallDialling("1003", "4930555552");
        apply(
                pbx.dialEnd(legs[0], legs[2], "BUSY"),
                pbx.hangup(legs[2], 17),
                pbx.hangup(legs[0], 17),
                pbx.hangup(legs[1], 17));

        assertThat(sink.started()).singleElement().satisfies(started -> {
            assertThat(started.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(started.callee()).isEqualTo("4930555552");
            assertThat(started.caller().number()).isEqualTo("1003");
        });
        assertThat(sink.of(AgentRinging.class))
                .as("no pop for the agent's own click-to-dial")
                .isEmpty();
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(CallOutcome.BUSY);
            assertThat(ended.hangupCause()).isEqualTo(17);
            assertThat(ended.answeredBy()).isNull();
        });
    }

    @Test
    void clickToDialAnsweredCountsTalkTimeFromTheCustomersAnswer() {
        String[] legs = outboundCallDialling("1002", "4930555551");
        pbx.advance(2);
        apply(pbx.dialEnd(legs[0], legs[2], "ANSWER"));
        pbx.advance(4);
        apply(pbx.hangup(legs[2], 16), pbx.hangup(legs[0], 16), pbx.hangup(legs[1], 16));

        assertThat(sink.of(CallAnswered.class)).extracting(CallAnswered::agent).containsExactly("1002");
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(ended.talkSeconds()).isEqualTo(4);
            assertThat(ended.answeredBy()).isEqualTo("1002");
        });
    }

    @Test
    void blindTransferHandsTheCallToTheNewAgent() {
        String caller = pbx.id();
        String[] leg = queueCallRingingAgent(caller, "1001");
        apply(pbx.dialEnd(caller, leg[0], "ANSWER"), pbx.connect(caller, "support", "1001", 1, 1));
        pbx.advance(10);
        String n1 = pbx.id(), n2 = pbx.id();
        apply(
                new BlindTransferred(pbx.now, leg[1], caller, "1002"),
                pbx.hangup(leg[1], 16),
                pbx.hangup(leg[0], 16),
                pbx.agentLeg(n1, caller, "1002", 1),
                pbx.agentLeg(n2, caller, "1002", 2),
                pbx.dial(caller, n1, "1002"),
                pbx.dialEnd(caller, n1, "ANSWER"));
        pbx.advance(20);
        apply(pbx.hangup(n2, 16), pbx.hangup(n1, 16), pbx.hangup(caller, 16));

        assertThat(sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1002");
            assertThat(t.kind()).isEqualTo(TransferKind.BLIND);
        });
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.answeredBy()).isEqualTo("1001");
            assertThat(ended.finalAgent()).isEqualTo("1002");
            assertThat(ended.talkSeconds()).isEqualTo(30);
        });
    }

    @Test
    void attendedTransferEndsTheConsultationOnceAndKeepsTheCustomersCall() {
        String caller = pbx.id();
        String[] leg = queueCallRingingAgent(caller, "1001");
        apply(pbx.dialEnd(caller, leg[0], "ANSWER"), pbx.connect(caller, "support", "1001", 1, 1));
        // agent 1001 dials 1002 from their own phone: a second call with its own Linkedid
        String consult = pbx.id(), target = pbx.id();
        apply(
                pbx.channel(consult, consult, "PJSIP/1001-00000010", "from-internal", "1002"),
                pbx.channel(target, consult, "PJSIP/1002-00000011", "from-internal", "1002"),
                pbx.dial(consult, target, "1002"));
        pbx.advance(3);
        apply(pbx.dialEnd(consult, target, "ANSWER"));
        assertThat(sink.started())
                .extracting(CallStarted::direction)
                .containsExactly(CallDirection.INBOUND, CallDirection.INTERNAL);

        apply(
                new AttendedTransferred(pbx.now, leg[1], consult, caller, target),
                pbx.hangup(leg[1], 16),
                pbx.hangup(leg[0], 16),
                pbx.hangup(consult, 16));
        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.callId()).isEqualTo(consult);
            assertThat(ended.direction()).isEqualTo(CallDirection.INTERNAL);
        });
        pbx.advance(30);
        apply(pbx.hangup(target, 16), pbx.hangup(caller, 16));

        assertThat(sink.ended()).hasSize(2);
        assertThat(sink.ended().get(1)).satisfies(ended -> {
            assertThat(ended.callId()).isEqualTo(caller);
            assertThat(ended.answeredBy()).isEqualTo("1001");
            assertThat(ended.finalAgent()).isEqualTo("1002");
        });
        assertThat(sink.of(CallTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransferKind.ATTENDED);
            assertThat(t.fromAgent()).isEqualTo("1001");
            assertThat(t.target()).isEqualTo("1002");
        });
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void resyncEndsCallsThatEndedWhileTheLinkWasDownAndPicksUpNewOnes() {
        String gone = pbx.id();
        String stays = pbx.id();
        apply(pbx.trunkCall(gone, "+4930000001", null, "500"), pbx.trunkCall(stays, "+4930000002", null, "500"));
        apply(new LinkChanged(pbx.now, false));
        pbx.advance(30);
        String fresh = pbx.id();
        apply(
                new LinkChanged(pbx.now, true),
                pbx.listed(stays, stays, "IAX2/carrier-2", "from-trunk", "500", true, 30, ""),
                pbx.listed(fresh, fresh, "IAX2/carrier-3", "from-trunk", "501", true, 10, ""),
                new ChannelListComplete(pbx.now));

        assertThat(sink.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.callId()).isEqualTo(gone);
            assertThat(ended.reconciled()).isTrue();
        });
        assertThat(sink.started()).extracting(CallStarted::callId).containsExactly(gone, stays, fresh);
        assertThat(sink.started().get(2).at()).isEqualTo(java.time.Instant.ofEpochMilli(pbx.now - 10_000));
        assertThat(tracker.activeCalls()).isEqualTo(2);
        assertThat(registry.get("switchboard.calls.resynced")
                        .tag("action", "picked_up")
                        .counter()
                        .count())
                .isEqualTo(1);

        // the same listing again (a second reconnect) changes nothing
        apply(
                new LinkChanged(pbx.now, true),
                pbx.listed(stays, stays, "IAX2/carrier-2", "from-trunk", "500", true, 31, ""),
                pbx.listed(fresh, fresh, "IAX2/carrier-3", "from-trunk", "501", true, 11, ""),
                new ChannelListComplete(pbx.now));
        assertThat(sink.started()).hasSize(3);
        assertThat(sink.ended()).hasSize(1);
    }

    @Test
    void aListingTakenJustBeforeAHangupDoesNotBringTheCallBack() {
        String caller = pbx.id();
        apply(pbx.trunkCall(caller, "+4930000001", null, "500"), pbx.hangup(caller, 16));
        // a stale listing (sent before the hangup was processed) still shows the channel
        apply(
                pbx.listed(caller, caller, "IAX2/carrier-1", "from-trunk", "500", true, 3, ""),
                new ChannelListComplete(pbx.now));

        assertThat(sink.started()).hasSize(1);
        assertThat(sink.ended()).hasSize(1);
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void channelsCreatedWhileAListingArrivesAreNotEndedByIt() {
        String early = pbx.id();
        apply(pbx.trunkCall(early, "+4930000001", null, "500"));
        String listedOnly = pbx.id();
        apply(pbx.listed(early, early, "IAX2/carrier-1", "from-trunk", "500", true, 3, ""));
        String during = pbx.id();
        apply(
                pbx.trunkCall(during, "+4930000003", null, "500"),
                pbx.listed(listedOnly, listedOnly, "IAX2/carrier-2", "from-trunk", "500", true, 1, ""),
                new ChannelListComplete(pbx.now));

        assertThat(sink.ended()).isEmpty();
        assertThat(tracker.activeCalls()).isEqualTo(3);
    }

    @Test
    void duplicateUnknownAndLateEventsAreToleratedAndCounted() {
        String caller = pbx.id();
        var created = pbx.trunkCall(caller, "+4930000001", null, "500");
        apply(created, created, pbx.hangup("no-such-channel", 16), new Ignored(pbx.now, "VarSetEvent"));
        apply(pbx.hangup(caller, 16), pbx.hangup(caller, 16), created);

        assertThat(sink.started()).hasSize(1);
        assertThat(sink.ended()).hasSize(1);
        assertThat(skipped("duplicate")).isEqualTo(1);
        assertThat(skipped("unknown_channel")).isEqualTo(1);
        assertThat(skipped("after_end")).isEqualTo(2);
        assertThat(skipped("unhandled_type")).isEqualTo(1);
    }

    @Test
    void agentStateFollowsQueueMemberStatusAndPause() {
        String iface = "Local/1001@agent-sim/n";
        apply(
                new MemberChanged(pbx.now, "support", iface, MemberStatus.NOT_INUSE, false, null, false),
                new MemberChanged(pbx.now, "support", iface, MemberStatus.NOT_INUSE, false, null, false),
                new MemberChanged(pbx.now, "support", iface, MemberStatus.RINGING, false, null, false),
                new MemberChanged(pbx.now, "support", iface, MemberStatus.INUSE, false, null, false),
                new MemberChanged(pbx.now, "support", iface, MemberStatus.NOT_INUSE, true, "lunch", false),
                new MemberChanged(pbx.now, "support", iface, MemberStatus.UNKNOWN, false, null, true));

        assertThat(sink.of(AgentStateChanged.class))
                .extracting(AgentStateChanged::state)
                .containsExactly(
                        AgentState.READY,
                        AgentState.RINGING,
                        AgentState.ON_CALL,
                        AgentState.PAUSED,
                        AgentState.LOGGED_OUT);
        assertThat(sink.of(AgentStateChanged.class).get(3).pausedReason()).isEqualTo("lunch");
        assertThat(sink.of(AgentStateChanged.class).get(0).agent()).isEqualTo("1001");
    }

    @Test
    void aLocalPairSpanningTwoCallsJoinsThemIntoOne() {
        String caller = pbx.id();
        apply(pbx.trunkCall(caller, "+4930000001", null, "500"));
        pbx.advance(1);
        String one = pbx.id(), two = pbx.id();
        // ;1 belongs to the caller's call, ;2 was started as a call of its own
        apply(
                pbx.agentLeg(one, caller, "1001", 1),
                pbx.agentLeg(two, two, "1001", 2),
                new LocalPairBridged(pbx.now, one, two));

        assertThat(sink.ended())
                .singleElement()
                .satisfies(ended -> assertThat(ended.callId()).isEqualTo(two));
        assertThat(tracker.activeCalls()).isEqualTo(1);
        apply(pbx.hangup(two, 16), pbx.hangup(one, 16), pbx.hangup(caller, 16));
        assertThat(sink.ended()).extracting(CallEnded::callId).containsExactly(two, caller);
        assertThat(tracker.activeCalls()).isZero();
    }

    @Test
    void aQueueListingLogsOutAgentsRemovedWhileTheLinkWasDown() {
        apply(
                new MemberChanged(
                        pbx.now, "support", "Local/1001@agent-sim/n", MemberStatus.NOT_INUSE, false, null, false),
                new MemberChanged(
                        pbx.now, "support", "Local/1002@agent-sim/n", MemberStatus.NOT_INUSE, false, null, false));
        sink.clear();

        apply(
                new LinkChanged(pbx.now, false),
                new LinkChanged(pbx.now, true),
                new QueueMemberListed(pbx.now, "support", "Local/1002@agent-sim/n", MemberStatus.INUSE, false, null),
                new QueueListComplete(pbx.now));

        assertThat(sink.of(AgentStateChanged.class))
                .extracting(AgentStateChanged::agent, AgentStateChanged::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("1002", AgentState.ON_CALL),
                        org.assertj.core.groups.Tuple.tuple("1001", AgentState.LOGGED_OUT));
    }

    @Test
    void everyKindOfPbxEventHasAHandler() {
        assertThat(PbxEvent.class.getPermittedSubclasses())
                .isNotEmpty()
                .allSatisfy(type -> assertThat(tracker.handles(type))
                        .as(type.getSimpleName())
                        .isTrue());
    }
}
