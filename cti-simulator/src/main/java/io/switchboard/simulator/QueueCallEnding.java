package io.switchboard.simulator;

import java.util.List;

/** The ways a {@link QueueCall} or one of its agent legs ends, in the order Asterisk reports them. */
final class QueueCallEnding {

    private final QueueCall call;
    private final ChannelEvents events;
    private final QueueEvents queueEvents;
    private final AgentPhone phone;

    QueueCallEnding(QueueCall call) {
        this.call = call;
        this.events = call.events;
        this.queueEvents = call.queueEvents;
        this.phone = call.phone;
    }

    /** Stops a ringing member: another answered (cause 26), or the caller left (cause 0). */
    void cancelRing(AgentLeg leg, String dialStatus, int cause) {
        events.dialEnd(call.callerChannel, leg.one, dialStatus);
        if (call.noisy && dialStatus.equals("CANCEL")) {
            // app_queue reports the cancelled dial twice; a tracker has to tolerate the duplicate.
            events.dialEnd(call.callerChannel, leg.one, dialStatus);
        }
        events.hangupRequest(leg.two, cause);
        events.hangup(leg.one, cause);
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        events.softHangupRequest(leg.two, CauseText.NORMAL_CLEARING);
        phone.runHangupHandler(leg, null);
        events.hangup(leg.two, cause);
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        call.ringing.remove(leg);
        call.agentReleased.accept(leg.extension);
    }

    /** The member's ring timed out: AgentRingNoAnswer, and the queue moves on. */
    void ringNoAnswer(AgentLeg leg) {
        long ringMillis =
                SimClock.elapsedMillis(leg.ringStartMicros, call.pbx.clock().cursorMicros());
        queueEvents.agentRingNoAnswer(call.callerChannel, leg.one, call.member(leg.extension), ringMillis);
        cancelRing(leg, "NOANSWER", CauseText.UNKNOWN);
    }

    /** The connected agent hangs up first (queue_answered.ami). */
    void agentHangsUp() {
        if (call.consultation != null) {
            call.consultation.complete(); // hanging up while consulting completes the transfer
            return;
        }
        if (call.afterTransfer != null) {
            return; // that agent left with the transfer; the target's own hang-up ends the call
        }
        AgentLeg leg = call.connected;
        SimChannel caller = call.callerChannel;
        phone.hangUp(leg);
        phone.runHangupHandler(leg, call.connectedViaQueue ? call.queue : null);
        events.cel().cdr(leg.two, leg.extension, leg.answeredMicros, "ANSWERED");
        events.hangupRequest(leg.one, CauseText.NORMAL_CLEARING);
        events.hangup(leg.two, CauseText.NORMAL_CLEARING);
        completeAgent("agent");
        clearBridgePeers();
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        call.bridge.leave(leg.one);
        events.hangup(leg.one, CauseText.NORMAL_CLEARING);
        call.bridge.leave(caller);
        callerTimes();
        events.cel().cdr(caller, caller.exten(), caller.createdMicros, "ANSWERED");
        completeRedirectedQueue(caller);
        hangUpCaller();
        call.bridge.destroy();
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        events.trunkInUse(false);
        call.agentReleased.accept(leg.extension);
        call.finish(SimulatedCall.Outcome.ANSWERED);
    }

    /** Hangs up the agent leg that leaves a transfer; the caller stays. */
    void releaseAgentLeg(AgentLeg leg, SimQueue queueTaken) {
        events.hangupRequest(leg.one, CauseText.NORMAL_CLEARING);
        events.hangup(leg.one, CauseText.NORMAL_CLEARING);
        events.softHangupRequest(leg.two, CauseText.NORMAL_CLEARING);
        phone.runHangupHandler(leg, queueTaken);
        events.hangup(leg.two, CauseText.NORMAL_CLEARING);
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        call.agentReleased.accept(leg.extension);
    }

    /** The caller hangs up during the conversation. */
    void callerHangsUp(SimulatedCall.Outcome outcome) {
        if (call.afterTransfer != null) {
            call.afterTransfer.end(outcome);
            return;
        }
        if (call.consultation != null) {
            call.consultation.cancel();
        }
        AgentLeg leg = call.connected;
        SimChannel caller = call.callerChannel;
        events.hangupRequest(caller, CauseText.NORMAL_CLEARING);
        clearBridgePeers();
        call.bridge.leave(caller);
        completeAgent("caller");
        callerTimes();
        events.cel().cdr(caller, caller.exten(), caller.createdMicros, "ANSWERED");
        events.hangup(caller, CauseText.NORMAL_CLEARING);
        call.callerHungUp.run();
        call.bridge.leave(leg.one);
        events.hangupRequest(leg.one, CauseText.NORMAL_CLEARING);
        events.hangupRequest(leg.two, CauseText.NORMAL_CLEARING);
        events.hangup(leg.one, CauseText.NORMAL_CLEARING);
        events.softHangupRequest(leg.two, CauseText.NORMAL_CLEARING);
        phone.runHangupHandler(leg, call.connectedViaQueue ? call.queue : null);
        events.hangup(leg.two, CauseText.NORMAL_CLEARING);
        call.bridge.destroy();
        events.deviceState(AgentLeg.localDevice(leg.extension), "NOT_INUSE");
        events.trunkInUse(false);
        call.agentReleased.accept(leg.extension);
        completeRedirectedQueue(null); // the caller's channel is gone: Asterisk sends it without channel fields
        call.finish(outcome);
    }

    /** The first queue's AgentComplete of a redirected call, late, as Asterisk sends it (reason caller). */
    private void completeRedirectedQueue(SimChannel caller) {
        QueueCall.RedirectedFromQueue from = call.redirectedFromQueue;
        if (from == null) {
            return;
        }
        call.redirectedFromQueue = null;
        long talkSeconds =
                SimClock.elapsedSeconds(from.answeredMicros(), call.pbx.clock().cursorMicros());
        queueEvents.agentCompleteAfterRedirect(caller, from.member(), from.holdSeconds(), talkSeconds);
        from.queue().completed++;
        from.queue().totalTalkSeconds += talkSeconds;
    }

    /** The caller hangs up while waiting in the queue (queue_abandoned.ami). */
    void abandon(SimulatedCall.Outcome outcome) {
        SimChannel caller = call.callerChannel;
        events.hangupRequest(caller, CauseText.NORMAL_CLEARING);
        for (AgentLeg leg : List.copyOf(call.ringing)) {
            cancelRing(leg, "CANCEL", CauseText.UNKNOWN);
        }
        long now = call.pbx.clock().cursorMicros();
        long holdMicros = now - call.joinMicros;
        if (call.noisy) {
            events.varSet(caller, "QUEUEWAIT", Long.toString(SimClock.elapsedSeconds(0, holdMicros)));
            events.varSet(caller, "QUEUEWAIT_MS", Long.toString(SimClock.elapsedMillis(0, holdMicros)));
            events.varSet(caller, "DIALEDTIME", Long.toString(SimClock.elapsedSeconds(caller.createdMicros, now)));
            events.varSet(caller, "DIALEDTIME_MS", Long.toString(SimClock.elapsedMillis(caller.createdMicros, now)));
            events.varSet(caller, "ANSWEREDTIME", "0");
            events.varSet(caller, "ANSWEREDTIME_MS", "0");
            events.varSet(caller, "ABANDONED", "TRUE");
        }
        int position = Math.max(1, call.queue.positionOf(call));
        queueEvents.callerAbandon(
                caller, call.queue, position, call.originalPosition, SimClock.elapsedSeconds(0, holdMicros));
        call.queue.abandoned++;
        call.leaveQueue();
        if (call.noisy) {
            events.varSet(caller, "QUEUEPOSITION", Integer.toString(position));
        }
        events.cel().cdr(caller, caller.exten(), caller.createdMicros, "NO ANSWER");
        hangUpCaller();
        events.trunkInUse(false);
        call.finish(outcome);
    }

    /** The queue's timeout (the 120 of {@code Queue(support,t,,,120)}) expired: the caller leaves and hangs up. */
    void queueTimeout() {
        SimChannel caller = call.callerChannel;
        for (AgentLeg leg : List.copyOf(call.ringing)) {
            cancelRing(leg, "CANCEL", CauseText.UNKNOWN);
        }
        int position = call.leaveQueue();
        if (call.noisy) {
            events.varSet(caller, "QUEUEPOSITION", Integer.toString(position));
            events.varSet(caller, "QUEUESTATUS", "TIMEOUT");
        }
        events.cel().cdr(caller, caller.exten(), caller.createdMicros, "NO ANSWER");
        hangUpCaller();
        events.trunkInUse(false);
        call.finish(SimulatedCall.Outcome.QUEUE_TIMEOUT);
    }

    /** Ends the call from whatever it is doing, with cause 16 (the Hangup action). */
    void hangUpEverything(SimulatedCall.Outcome outcome) {
        switch (call.phase) {
            case ARRIVING -> {
                hangUpCaller();
                events.trunkInUse(false);
                call.finish(outcome);
            }
            case WAITING -> abandon(outcome);
            case DIALING -> {
                events.hangupRequest(call.callerChannel, CauseText.NORMAL_CLEARING);
                for (AgentLeg leg : List.copyOf(call.ringing)) {
                    cancelRing(leg, "CANCEL", CauseText.UNKNOWN);
                }
                hangUpCaller();
                events.trunkInUse(false);
                call.finish(outcome);
            }
            case CONNECTED -> callerHangsUp(outcome);
            case ENDED -> {}
        }
    }

    void completeAgent(String reason) {
        if (!call.connectedViaQueue) {
            return;
        }
        long talkSeconds =
                SimClock.elapsedSeconds(call.answeredMicros, call.pbx.clock().cursorMicros());
        long holdSeconds = SimClock.elapsedSeconds(call.joinMicros, call.answeredMicros);
        queueEvents.agentComplete(
                call.callerChannel, call.connected.one, call.connectedMember, holdSeconds, talkSeconds, reason);
        call.queue.completed++;
        call.queue.totalTalkSeconds += talkSeconds;
    }

    void clearBridgePeers() {
        if (call.noisy) {
            events.varSet(call.connected.one, "BRIDGEPEER", "");
            events.varSet(call.callerChannel, "BRIDGEPEER", "");
        }
    }

    private void callerTimes() {
        if (!call.noisy) {
            return;
        }
        SimChannel caller = call.callerChannel;
        long now = call.pbx.clock().cursorMicros();
        events.varSet(caller, "ANSWEREDTIME", Long.toString(SimClock.elapsedSeconds(call.answeredMicros, now)));
        events.varSet(caller, "ANSWEREDTIME_MS", Long.toString(SimClock.elapsedMillis(call.answeredMicros, now)));
        events.varSet(caller, "DIALEDTIME", Long.toString(SimClock.elapsedSeconds(caller.createdMicros, now)));
        events.varSet(caller, "DIALEDTIME_MS", Long.toString(SimClock.elapsedMillis(caller.createdMicros, now)));
    }

    /** SoftHangupRequest, HangupRequest, Hangup of the trunk channel. */
    void hangUpCaller() {
        SimChannel caller = call.callerChannel;
        events.softHangupRequest(caller, CauseText.NORMAL_CLEARING);
        events.hangupRequest(caller, CauseText.NORMAL_CLEARING);
        events.hangup(caller, CauseText.NORMAL_CLEARING);
        call.callerHungUp.run();
    }
}
