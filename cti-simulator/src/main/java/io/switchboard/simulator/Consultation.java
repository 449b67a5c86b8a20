package io.switchboard.simulator;

/**
 * An AMI {@code Atxfer} on a connected queue call's agent channel, as Asterisk 22 does it (traces {@code
 * attended_transfer_*.ami}): the agent's leg moves from the caller's bridge into a consultation bridge with a
 * {@code Local/<target>@transfer} pair of the same call (same Linkedid), which dials the target's phone. Hanging up
 * the agent's leg completes the transfer ({@code AttendedTransfer}, the queue's {@code AgentComplete} reason {@code
 * transfer}, the Local pair's first half joins the caller); {@code CancelAtxfer} ends the consultation and brings
 * the agent back. The DTMF Asterisk plays into the channel to start it is left out (the call model never reads it).
 */
final class Consultation {

    static final String CONTEXT = "transfer";
    private static final double TARGET_RING_SECONDS = 2;
    private static final double TALK_AFTER_SECONDS = 5;

    private final QueueCall call;
    private final ChannelEvents events;
    private final AgentLeg agent;
    private final SimChannel local1;
    private final SimChannel local2;
    private final SimBridge consultBridge;
    private final AgentLeg target;
    private SimBridge targetBridge;

    private Consultation(QueueCall call, String extension) {
        this.call = call;
        this.events = call.events;
        this.agent = call.connected;
        events.writer().start("Hold", EventWriter.CALL).channel(agent.one).send();
        String base = call.pbx.ids().localChannelBase(extension, CONTEXT);
        String linkedid = call.callerChannel.linkedid();
        local1 = events.newChannel(base + ";1", linkedid, ChannelState.DOWN, CONTEXT, extension);
        local2 = events.newChannel(base + ";2", linkedid, ChannelState.RING, CONTEXT, extension);
        call.track(local1);
        call.track(local2);
        consultBridge = SimBridge.create(call.pbx);
        events.localBridge(local1, local2, CONTEXT, extension, false);
        consultBridge.enter(local1, null);
        call.bridge.leave(agent.one);
        consultBridge.enter(agent.one, local1);
        TransferFlows flows = new TransferFlows(call);
        target = flows.dial(local2, extension, TARGET_RING_SECONDS, 600);
        events.newState(local1, ChannelState.RINGING);
        call.timeline.after(TARGET_RING_SECONDS, () -> {
            if (call.consultation == this) {
                targetBridge = flows.answerDialInto(local2, target);
                events.newState(local1, ChannelState.UP);
            }
        });
    }

    /** Starts consulting {@code extension}; false when the call has no agent to consult from (or consults already). */
    static boolean start(QueueCall call, String extension) {
        if (call.phase != QueueCall.Phase.CONNECTED || call.connected == null || call.consultation != null) {
            return false;
        }
        call.consultation = new Consultation(call, extension);
        return true;
    }

    boolean isAgentChannel(String name) {
        return agent.one.name.equals(name);
    }

    /** {@code CancelAtxfer}: the consulted side hangs up, the agent is back with the caller. */
    void cancel() {
        call.consultation = null;
        consultBridge.leave(agent.one);
        call.bridge.enter(agent.one, call.callerChannel);
        events.writer().start("Unhold", EventWriter.CALL).channel(agent.one).send();
        consultBridge.leave(local1);
        consultBridge.destroy();
        events.hangup(local1, CauseText.NORMAL_CLEARING);
        if (targetBridge != null) {
            targetBridge.leave(local2);
        }
        events.hangup(local2, CauseText.NORMAL_CLEARING);
        hangUpTarget();
        call.ringing.remove(target);
    }

    /** The agent hangs up during the consultation: the caller and the target are put through. */
    void complete() {
        if (targetBridge == null) {
            cancel(); // the target never answered: Asterisk drops the consultation (atxferdropcall = no)
            return;
        }
        SimChannel caller = call.callerChannel;
        consultBridge.leave(local1);
        call.bridge.enter(local1, caller);
        consultBridge.leave(agent.one);
        events.writer()
                .start("AttendedTransfer", EventWriter.CALL)
                .field("Result", "Success")
                .snapshot("OrigTransferer", agent.one)
                .raw(call.bridge.block("Orig"))
                .snapshot("SecondTransferer", agent.one)
                .raw(consultBridge.block("Second"))
                .snapshot("Transferee", caller)
                .snapshot("TransferTarget", local1)
                .field("IsExternal", "No")
                .field("DestType", "Bridge")
                .field("DestBridgeUniqueid", call.bridge.id)
                .send();
        new QueueCallEnding(call).completeAgent("transfer");
        consultBridge.destroy();
        new QueueCallEnding(call).releaseAgentLeg(agent, call.connectedViaQueue ? call.queue : null);
        call.connectedViaQueue = false;
        call.answeredBy = target.extension;
        call.afterTransfer = this;
        call.timeline.after(TALK_AFTER_SECONDS, () -> end(SimulatedCall.Outcome.ANSWERED));
    }

    /** After a completed transfer: the target hangs up (or a Hangup action ends it): every channel goes. */
    void end(SimulatedCall.Outcome outcome) {
        if (call.afterTransfer != this) {
            return;
        }
        call.afterTransfer = null;
        SimChannel caller = call.callerChannel;
        hangUpTarget();
        targetBridge.leave(local2);
        targetBridge.destroy();
        events.hangup(local2, CauseText.NORMAL_CLEARING);
        call.bridge.leave(local1);
        events.hangup(local1, CauseText.NORMAL_CLEARING);
        call.bridge.leave(caller);
        call.bridge.destroy();
        new QueueCallEnding(call).hangUpCaller();
        events.trunkInUse(false);
        call.finish(outcome);
    }

    private void hangUpTarget() {
        call.phone.hangUp(target);
        if (targetBridge != null) {
            targetBridge.leave(target.one);
        }
        events.hangup(target.one, CauseText.NORMAL_CLEARING);
        events.hangup(target.two, CauseText.NORMAL_CLEARING);
        events.deviceState(AgentLeg.localDevice(target.extension), "NOT_INUSE");
        call.agentReleased.accept(target.extension);
    }
}
