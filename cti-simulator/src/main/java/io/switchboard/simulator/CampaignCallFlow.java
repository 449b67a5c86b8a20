package io.switchboard.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer-first (campaign) call as an Asterisk with the sample {@code campaign-out}/{@code campaign-connect}
 * dialplan plays it: an Originate of {@code Local/<number>@campaign-out} creates the Local pair, whose {@code ;2}
 * dials the customer over the trunk. A line that is busy, fails or rings past the originate's timeout ends the call
 * and the Originate fails (OriginateResponse Failure with Reason 0 for busy and congestion, as Asterisk 22 reports a
 * Local channel's, or 3 at the originate's timeout). An answered line sends {@code ;1} to
 * {@code campaign-connect,<queue>}: AMD() listens for about two seconds and sets AMDSTATUS; a machine is hung up, a
 * person joins the queue with {@code Queue(<queue>,,,,2)} and is played on as a {@link QueueCall}: a free member
 * is rung and answers, or nobody is free and the caller leaves the queue at its timeout. PBX thread only.
 */
final class CampaignCallFlow implements LiveCall {

    static final String DIAL_CONTEXT = "campaign-out";

    private final SimulatedPbx pbx;
    private final ChannelEvents events;
    private final CallTimeline timeline;
    private final String number;
    private final String context;
    private final String queueName;
    private final Optional<String> actionId;
    private final Map<String, String> variables;
    private final double timeoutSeconds;
    /** The originate's CallerID, which a {@code failed} extension's channel carries. */
    private final String callerId;

    private final CampaignOutcome outcome;
    private final double ringSeconds;
    private final double talkSeconds;
    private SimChannel one;
    private SimChannel two;
    private SimChannel trunk;
    private SimBridge bridge;
    private boolean ended;

    CampaignCallFlow(
            SimulatedPbx pbx,
            String number,
            String context,
            String queueName,
            Optional<String> actionId,
            Map<String, String> variables,
            double timeoutSeconds,
            String callerId) {
        OutboundModel model = pbx.settings().outbound();
        this.callerId = callerId == null ? "" : callerId;
        this.pbx = pbx;
        this.events = pbx.channelEvents();
        this.timeline = new CallTimeline(pbx);
        this.number = number;
        this.context = context;
        this.queueName = queueName;
        this.actionId = actionId;
        this.variables = variables;
        this.timeoutSeconds = timeoutSeconds;
        this.outcome = CampaignOutcome.parse(variables.get("SIM_OUTCOME"))
                .orElseGet(() -> model.draw(ThreadLocalRandom.current().nextDouble()));
        this.ringSeconds = OriginateOptions.seconds(variables, "SIM_RING", model.ringSeconds());
        this.talkSeconds = OriginateOptions.seconds(variables, "SIM_TALK", model.talkSeconds());
    }

    /** The Local pair appears with the originate's variables and {@code ;2} dials the customer. */
    void start() {
        pbx.callStarted();
        String base = pbx.ids().localChannelBase(number, DIAL_CONTEXT);
        one = events.newChannel(base + ";1", null, ChannelState.DOWN, DIAL_CONTEXT, number);
        two = events.newChannel(base + ";2", one.linkedid(), ChannelState.RING, DIAL_CONTEXT, number);
        pbx.attach(one, this);
        pbx.attach(two, this);
        variables.forEach((name, value) -> events.varSet(one, name, value));
        events.localBridge(one, two, DIAL_CONTEXT, number, false);
        events.newExten(two, 1, "Dial", "IAX2/carrier/" + number + "," + AgentLeg.seconds(timeoutSeconds));
        trunk = events.dialTrunk(two, number, SimChannel.UNKNOWN, SimChannel.UNKNOWN);
        pbx.attach(trunk, this);
        switch (outcome) {
            // Asterisk 22 reports a busy or congested Local-channel originate with Reason 0, not 5 or 8 (recorded
            // from the end-to-end suite's PBX: suite_campaign.ami); the call's hangup cause tells them apart
            case BUSY -> timeline.after(1, () -> lineFails("BUSY", CauseText.USER_BUSY, 0));
            case FAILED -> timeline.after(0.5, () -> lineFails("CONGESTION", CauseText.CONGESTION, 0));
            case NO_ANSWER -> {
                ringing();
                timeline.after(timeoutSeconds, this::originateTimesOut);
            }
            case HUMAN, MACHINE -> {
                ringing();
                timeline.after(Math.min(ringSeconds, timeoutSeconds), this::customerAnswers);
            }
        }
    }

    private void ringing() {
        events.dialState(two, trunk, "RINGING");
        events.newState(one, ChannelState.RINGING);
    }

    /** The carrier reports busy or congestion: ;2's Dial() ends, the pair hangs up, the Originate fails. */
    private void lineFails(String dialStatus, int cause, int reason) {
        events.dialEnd(two, trunk, dialStatus);
        events.hangupRequest(trunk, cause);
        events.hangup(trunk, cause);
        events.varSet(two, "DIALSTATUS", dialStatus);
        events.hangupRequest(two, cause);
        events.hangup(two, cause);
        events.hangup(one, cause);
        failOriginate(reason);
    }

    /** Nobody answered within the originate's timeout: Asterisk hangs up ;1, which cancels ;2's Dial(). */
    private void originateTimesOut() {
        hangUpUnanswered(CauseText.NO_ANSWER, 3);
    }

    private void hangUpUnanswered(int cause, int reason) {
        events.hangup(one, cause);
        events.hangupRequest(two, cause);
        events.dialEnd(two, trunk, "CANCEL");
        events.hangupRequest(trunk, cause);
        events.hangup(trunk, cause);
        events.varSet(two, "DIALSTATUS", "CANCEL");
        events.hangup(two, cause);
        failOriginate(reason);
    }

    private void failOriginate(int reason) {
        events.trunkInUse(false);
        Runnable report = () -> events.originateResponse(
                actionId, false, "Local/" + number + "@" + DIAL_CONTEXT, null, context, queueName, reason);
        if (FailedExtension.wanted(variables)) {
            FailedExtension.run(events, callerId, context, reason, report);
        } else {
            report.run();
        }
        finish();
    }

    /** The customer picks up: the trunk is bridged to ;2, ;1 comes up and runs AMD() in the connect context. */
    private void customerAnswers() {
        events.cel().answer(trunk);
        events.newState(trunk, ChannelState.UP);
        events.varSet(two, "DIALSTATUS", "ANSWER");
        events.dialEnd(two, trunk, "ANSWER");
        events.newState(two, ChannelState.UP);
        bridge = SimBridge.create(pbx);
        bridge.enter(trunk, null);
        events.deviceState(ChannelEvents.TRUNK_DEVICE, "INUSE");
        bridge.enter(two, trunk);
        events.cel().answer(one);
        events.newState(one, ChannelState.UP);
        events.originateResponse(actionId, true, one.name, one, context, queueName, 4);
        one.dialplan(context, queueName, 1);
        events.newExten(one, 1, "AMD", "");
        timeline.after(OutboundModel.AMD_SECONDS, this::amdDecides);
    }

    private void amdDecides() {
        boolean human = outcome == CampaignOutcome.HUMAN;
        events.varSet(one, "AMDSTATUS", human ? "HUMAN" : "MACHINE");
        events.varSet(one, "AMDCAUSE", human ? "HUMAN-300-1000" : "LONGGREETING-2000-1500");
        events.newExten(one, 2, "GotoIf", human ? "0?machine" : "1?machine");
        if (human) {
            joinQueue();
            return;
        }
        events.newExten(one, 5, "Hangup", "");
        events.softHangupRequest(one, CauseText.NORMAL_CLEARING);
        events.hangup(one, CauseText.NORMAL_CLEARING);
        restOfCallerHangsUp();
        events.trunkInUse(false);
        finish();
    }

    /** After ;1 hung up: ;2 leaves the bridge and the customer's trunk channel is hung up. */
    private void restOfCallerHangsUp() {
        events.hangupRequest(two, CauseText.NORMAL_CLEARING);
        bridge.leave(two);
        events.hangupRequest(trunk, CauseText.NORMAL_CLEARING);
        bridge.leave(trunk);
        events.hangup(trunk, CauseText.NORMAL_CLEARING);
        events.hangup(two, CauseText.NORMAL_CLEARING);
        bridge.destroy();
    }

    /** A person: {@code Queue(<queue>,,,,2)}; from here the call is a {@link QueueCall} with ;1 as the caller. */
    private void joinQueue() {
        SimQueue queue = pbx.queue(queueName).orElseGet(() -> pbx.addQueue(queueName, QueueStrategy.LINEAR));
        QueueCall call = new QueueCall(pbx, new Caller(number, SimChannel.UNKNOWN, queueName), queue, true);
        call.callerChannel = one;
        call.queueOptions = ",,,," + AgentLeg.seconds(OutboundModel.QUEUE_TIMEOUT_SECONDS);
        call.callerHungUp = this::restOfCallerHangsUp;
        call.track(one);
        call.track(two);
        call.track(trunk);
        one.priority(2);
        ended = true; // the queue call owns the channels and counts the call's end
        timeline.end();
        call.joinQueue();
        queue.members().stream()
                .filter(SimMember::available)
                .findFirst()
                .ifPresent(member -> ringAndConnect(call, member.extension));
        call.timeline.after(OutboundModel.QUEUE_TIMEOUT_SECONDS, () -> {
            if (call.phase == QueueCall.Phase.WAITING) {
                new QueueCallEnding(call).queueTimeout();
            }
        });
    }

    private void ringAndConnect(QueueCall call, String extension) {
        AgentLeg leg = call.ring(extension, OutboundModel.AGENT_RING_SECONDS, talkSeconds);
        call.timeline.after(OutboundModel.AGENT_RING_SECONDS, () -> {
            call.answer(leg);
            call.timeline.after(talkSeconds, () -> new QueueCallEnding(call).agentHangsUp());
        });
    }

    private void finish() {
        if (ended) {
            return;
        }
        ended = true;
        timeline.end();
        pbx.callEnded();
    }

    @Override
    public void hangupByAction() {
        if (ended) {
            return;
        }
        if (bridge == null) {
            hangUpUnanswered(CauseText.NORMAL_CLEARING, 1);
            return;
        }
        events.hangup(one, CauseText.NORMAL_CLEARING);
        restOfCallerHangsUp();
        events.trunkInUse(false);
        finish();
    }

    @Override
    public boolean redirect(String context, String extension) {
        return false;
    }
}
