package io.switchboard.simulator;

import java.util.List;

/**
 * Transfers of a connected {@link QueueCall}. A blind transfer sends the caller to another agent extension
 * through the dialplan; an attended transfer consults the target in a second call first and then merges the two
 * bridges. Both end the queue's part with {@code AgentComplete} reason {@code transfer}.
 */
final class TransferFlows {

    static final String TRANSFER_CONTEXT = "from-internal";

    private final QueueCall call;
    private final ChannelEvents events;
    private final QueueCallEnding ending;

    TransferFlows(QueueCall call) {
        this.call = call;
        this.events = call.events;
        this.ending = new QueueCallEnding(call);
    }

    /**
     * The agent's phone blind-transfers the caller to {@code target} (its transfer key, or the AMI BlindTransfer
     * action), who answers and later hangs up: Asterisk reports {@code BlindTransfer} and the queue's {@code
     * AgentComplete} with reason {@code transfer} at once (trace {@code blind_transfer_action.ami}).
     */
    void blindTransfer(String context, String target, double targetRingSeconds, double talkAfterSeconds) {
        AgentLeg agent = call.connected;
        SimChannel caller = call.callerChannel;
        events.writer()
                .start("BlindTransfer", EventWriter.CALL)
                .field("Result", "Success")
                .snapshot("Transferer", agent.one)
                .snapshot("Transferee", caller)
                .raw(call.bridge.block(""))
                .field("IsExternal", "No")
                .field("Context", context)
                .field("Extension", target)
                .send();
        ending.completeAgent("transfer");
        ending.clearBridgePeers();
        call.bridge.leave(agent.one);
        call.bridge.leave(caller);
        call.bridge.destroy();
        ending.releaseAgentLeg(agent, call.connectedViaQueue ? call.queue : null);
        call.connected = null;
        call.phase = QueueCall.Phase.DIALING;
        caller.dialplan(context, target, 1);
        events.newExten(caller, 1, "Dial", AgentLeg.memberInterface(target) + ",30");
        AgentLeg leg = dial(caller, target, targetRingSeconds, talkAfterSeconds);
        call.timeline.after(targetRingSeconds, () -> answerDial(caller, leg, call));
    }

    /**
     * An AMI {@code Redirect} of the caller to {@code target} (the product's blind transfer), as Asterisk 22 does it
     * (traces {@code blind_transfer_redirect*.ami}): no {@code BlindTransfer} event; the caller leaves the bridge
     * for the new dialplan location, the agent's leg hangs up, the target rings. The queue's {@code AgentComplete}
     * comes at the end of the whole call, reason {@code caller}.
     */
    void redirect(String context, String target, double targetRingSeconds, double talkAfterSeconds) {
        AgentLeg agent = call.connected;
        SimChannel caller = call.callerChannel;
        SimQueue queueTaken = call.connectedViaQueue ? call.queue : null;
        rememberQueueLeg();
        ending.clearBridgePeers();
        caller.dialplan(context, target, 1);
        call.bridge.leave(caller);
        dropAgentLeg(agent, queueTaken);
        call.phase = QueueCall.Phase.DIALING;
        events.newExten(caller, 1, "Dial", AgentLeg.memberInterface(target) + ",30");
        AgentLeg leg = dial(caller, target, targetRingSeconds, talkAfterSeconds);
        call.timeline.after(targetRingSeconds, () -> answerDial(caller, leg, call));
    }

    /**
     * An AMI {@code Redirect} of the caller to a queue's name in the transfer context, as Asterisk 22 does it (trace
     * {@code blind_transfer_redirect.ami}): the caller leaves the bridge and joins {@code target}, whose free
     * members ring (all of them for ring-all), then the first agent's leg hangs up. The first free member answers
     * after {@code ringSeconds}, talks {@code talkSeconds} and hangs up; the first queue's {@code AgentComplete}
     * (reason {@code caller}) comes last. With no free member the caller waits in {@code target}.
     */
    void redirectToQueue(String context, SimQueue target, double ringSeconds, double talkSeconds) {
        AgentLeg agent = call.connected;
        SimChannel caller = call.callerChannel;
        SimQueue queueTaken = call.connectedViaQueue ? call.queue : null;
        rememberQueueLeg();
        ending.clearBridgePeers();
        caller.dialplan(context, target.name, 0);
        call.bridge.leave(caller);
        call.queue = target;
        call.joinQueue();
        List<String> free = target.members().stream()
                .filter(SimMember::available)
                .map(member -> member.extension)
                .filter(extension -> !extension.equals(agent.extension))
                .toList();
        AgentLeg answering = null;
        if (!free.isEmpty() && target.strategy == QueueStrategy.RINGALL) {
            answering =
                    call.ringAll(free, free.get(0), ringSeconds, talkSeconds).get(0);
        } else if (!free.isEmpty()) {
            answering = call.ring(free.get(0), ringSeconds, talkSeconds);
        }
        dropAgentLeg(agent, queueTaken);
        if (answering != null) {
            AgentLeg leg = answering;
            call.timeline.after(ringSeconds, () -> {
                call.answer(leg);
                call.timeline.after(talkSeconds, () -> ending.agentHangsUp());
            });
        }
    }

    /** The queue leg a Redirect ends is reported only when the whole call ends; the first such leg counts. */
    private void rememberQueueLeg() {
        if (call.connectedViaQueue && call.redirectedFromQueue == null) {
            call.redirectedFromQueue = new QueueCall.RedirectedFromQueue(
                    call.queue,
                    call.connectedMember,
                    SimClock.elapsedSeconds(call.joinMicros, call.answeredMicros),
                    call.answeredMicros);
        }
    }

    /** The redirected caller has left the bridge: the agent's leg leaves too and hangs up. */
    private void dropAgentLeg(AgentLeg agent, SimQueue queueTaken) {
        call.bridge.leave(agent.one);
        call.bridge.destroy();
        ending.releaseAgentLeg(agent, queueTaken);
        call.connected = null;
        call.connectedViaQueue = false;
    }

    /**
     * The agent holds the caller, calls {@code target} in a new call (its own Linkedid), talks to them for
     * {@code consultSeconds} and completes the transfer.
     */
    void attendedTransfer(String target, double targetRingSeconds, double consultSeconds, double talkAfterSeconds) {
        AgentLeg agent = call.connected;
        SimChannel caller = call.callerChannel;
        events.writer()
                .start("Hold", EventWriter.CALL)
                .channel(agent.one)
                .field("MusicClass", "")
                .send();
        events.writer()
                .start("MusicOnHoldStart", EventWriter.CALL)
                .channel(caller)
                .field("Class", "default")
                .send();
        String phoneName = "PJSIP/" + agent.extension + "-" + call.pbx.ids().channelSequence();
        SimChannel consult = events.newChannel(
                phoneName,
                null,
                ChannelState.RING,
                TRANSFER_CONTEXT,
                target,
                agent.extension,
                "Agent " + agent.extension);
        call.track(consult);
        call.mergedLinkedids.add(consult.linkedid());
        events.newExten(consult, 1, "Dial", AgentLeg.memberInterface(target) + ",30");
        AgentLeg leg = dial(consult, target, targetRingSeconds, talkAfterSeconds + consultSeconds);
        call.timeline.after(targetRingSeconds, () -> {
            SimBridge consultBridge = answerDialInto(consult, leg);
            call.timeline.after(consultSeconds, () -> complete(agent, consult, consultBridge, leg, talkAfterSeconds));
        });
    }

    private void complete(
            AgentLeg agent, SimChannel consult, SimBridge consultBridge, AgentLeg target, double talkAfterSeconds) {
        SimChannel caller = call.callerChannel;
        events.writer()
                .start("AttendedTransfer", EventWriter.CALL)
                .field("Result", "Success")
                .snapshot("OrigTransferer", agent.one)
                .raw(call.bridge.block("Orig"))
                .snapshot("SecondTransferer", consult)
                .raw(consultBridge.block("Second"))
                .field("DestType", "Bridge")
                .field("DestBridgeUniqueid", call.bridge.id)
                .snapshot("Transferee", caller)
                .snapshot("TransferTarget", target.one)
                .field("IsExternal", "No")
                .send();
        ending.completeAgent("transfer");
        events.writer()
                .start("MusicOnHoldStop", EventWriter.CALL)
                .channel(caller)
                .send();
        call.bridge.leave(agent.one);
        ending.releaseAgentLeg(agent, call.connectedViaQueue ? call.queue : null);
        consultBridge.leave(consult);
        events.hangupRequest(consult, CauseText.NORMAL_CLEARING);
        events.hangup(consult, CauseText.NORMAL_CLEARING);
        consultBridge.leave(target.one);
        consultBridge.destroy();
        // Joining the caller's bridge gives the target's channels the older Linkedid of the caller's call.
        target.one.linkedid(caller.linkedid());
        target.two.linkedid(caller.linkedid());
        call.bridge.enter(target.one, caller);
        call.connected = target;
        call.connectedViaQueue = false;
        call.answeredBy = target.extension;
        call.timeline.after(talkAfterSeconds, () -> ending.agentHangsUp());
    }

    /** {@code Dial(Local/<target>@agent-sim/n)} from {@code from}: the target's Local pair rings. */
    AgentLeg dial(SimChannel from, String target, double ringSeconds, double talkSeconds) {
        AgentLeg leg = AgentLeg.open(call.pbx, target, from.linkedid(), ringSeconds, talkSeconds, call.noisy);
        call.track(leg.one);
        call.track(leg.two);
        leg.one.callerId(from.callerIdNum(), from.callerIdName());
        leg.two.callerId(from.callerIdNum(), from.callerIdName());
        events.newCallerid(leg.two);
        events.localBridge(leg.one, leg.two, AgentLeg.CONTEXT, target, false);
        events.dialBegin(from, leg.one.block("Dest"), AgentLeg.memberInterface(target));
        call.phone.startRinging(leg);
        events.newState(leg.one, ChannelState.RINGING);
        call.phone.waitToAnswer(leg);
        call.queueEvents.agentDevice(target, SimMember.RINGING, false);
        events.deviceState(AgentLeg.localDevice(target), "INUSE");
        events.dialState(from, leg.one, "RINGING");
        call.ringing.add(leg);
        return leg;
    }

    private static void answerDial(SimChannel caller, AgentLeg leg, QueueCall call) {
        TransferFlows flows = new TransferFlows(call);
        SimBridge bridge = flows.answerDialInto(caller, leg);
        call.bridge = bridge;
        call.connected = leg;
        call.connectedViaQueue = false;
        call.answeredBy = leg.extension;
        call.answeredMicros = call.pbx.clock().cursorMicros();
        call.phase = QueueCall.Phase.CONNECTED;
        call.timeline.after(leg.talkSeconds, () -> flows.ending.agentHangsUp());
    }

    /** The dialled agent answers and is bridged with {@code from}. */
    SimBridge answerDialInto(SimChannel from, AgentLeg leg) {
        call.phone.answer(leg);
        events.newState(leg.one, ChannelState.UP);
        if (from.state() != ChannelState.UP) {
            events.newState(from, ChannelState.UP);
        }
        events.dialEnd(from, leg.one, "ANSWER");
        call.ringing.remove(leg);
        leg.answeredMicros = call.pbx.clock().cursorMicros();
        SimBridge bridge = SimBridge.create(call.pbx);
        bridge.enter(leg.one, null);
        bridge.enter(from, leg.one);
        call.timeline.after(0.5, () -> call.phone.talk(leg, false));
        return bridge;
    }
}
