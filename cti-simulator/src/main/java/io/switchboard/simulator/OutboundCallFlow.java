package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Click-to-dial as the test bed plays it: an Originate of {@code Local/<agent>@agent-sim} rings the agent's phone;
 * once it answers, context {@code to-carrier} dials the customer over the trunk (outbound_answered.ami,
 * outbound_busy.ami). PBX thread only.
 */
final class OutboundCallFlow implements LiveCall {

    static final String CONTEXT = "to-carrier";

    private final SimulatedPbx pbx;
    private final ChannelEvents events;
    private final AgentPhone phone;
    private final OutboundCall spec;
    private final Optional<String> actionId;
    private final CallTimeline timeline;
    private final CompletableFuture<SimulatedCall> done = new CompletableFuture<>();
    private final List<String> channelNames = new ArrayList<>();
    private final String agentName;
    private final Map<String, String> variables;
    private AgentLeg agent;
    private SimChannel trunk;
    private SimBridge bridge;
    private long dialStartMicros;
    private boolean ended;

    OutboundCallFlow(SimulatedPbx pbx, OutboundCall spec, Optional<String> actionId) {
        this(pbx, spec, actionId, Map.of());
    }

    /** @param variables the Originate's channel variables: Asterisk sets them on the agent's leg (a VarSet each) */
    OutboundCallFlow(SimulatedPbx pbx, OutboundCall spec, Optional<String> actionId, Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
        this.pbx = pbx;
        this.events = pbx.channelEvents();
        this.phone = new AgentPhone(pbx);
        this.spec = spec;
        this.actionId = actionId;
        this.timeline = new CallTimeline(pbx);
        this.agentName = "Agent " + spec.agentExtension();
    }

    CompletableFuture<SimulatedCall> start() {
        pbx.callStarted();
        String ext = spec.agentExtension();
        agent = AgentLeg.open(pbx, ext, null, spec.agentRingSeconds(), spec.talkSeconds(), true);
        agent.talkFromDatabase = true;
        track(agent.one);
        track(agent.two);
        SimChannel one = agent.one;
        SimChannel two = agent.two;
        variables.forEach((name, value) -> events.varSet(one, name, value));
        one.application("AppDial2", "(Outgoing Line)");
        events.newExten(one, 1, "AppDial2", "(Outgoing Line)");
        one.callerId(ext, agentName);
        events.newCallerid(one);
        one.connectedLine(ext, agentName);
        events.newConnectedLine(one);
        two.callerId(ext, agentName).connectedLine(ext, agentName);
        events.newCallerid(two);
        events.newConnectedLine(two);
        events.localBridge(one, two, AgentLeg.CONTEXT, ext, true);
        events.dialBegin(null, one.block("Dest"), ext + "@" + AgentLeg.CONTEXT);
        phone.startRinging(agent);
        events.newState(one, ChannelState.RINGING);
        phone.waitToAnswer(agent);
        events.dialState(null, one, "RINGING");
        events.deviceState(AgentLeg.localDevice(ext), "INUSE");
        pbx.queueEvents().agentDevice(ext, SimMember.RINGING, false);
        timeline.after(spec.agentRingSeconds(), this::agentAnswers);
        return done;
    }

    private void agentAnswers() {
        SimChannel one = agent.one;
        phone.answer(agent);
        events.cel().answer(one);
        events.newState(one, ChannelState.UP);
        events.deviceState(AgentLeg.localDevice(agent.extension), "INUSE");
        events.dialEnd(null, one, "ANSWER");
        events.deviceState(AgentLeg.localDevice(agent.extension), "INUSE");
        originateResponse();
        one.dialplan(CONTEXT, spec.number(), 1);
        events.newExten(one, 1, "NoOp", "outbound to " + spec.number());
        events.newExten(one, 2, "Dial", "IAX2/carrier/" + spec.number() + ",30");
        for (String variable : List.of(
                "DIALSTATUS",
                "DIALEDPEERNUMBER",
                "DIALEDPEERNAME",
                "ANSWEREDTIME",
                "ANSWEREDTIME_MS",
                "DIALEDTIME",
                "DIALEDTIME_MS",
                "RINGTIME",
                "RINGTIME_MS",
                "PROGRESSTIME",
                "PROGRESSTIME_MS")) {
            events.varSet(one, variable, "");
        }
        dialCustomer();
        switch (spec.outcome()) {
            case ANSWERED -> {
                timeline.after(0.5, () -> phone.talk(agent, false));
                timeline.after(spec.customerRingSeconds(), this::customerAnswers);
            }
            case NO_ANSWER -> {
                timeline.after(0.5, () -> phone.talk(agent, false));
                timeline.after(spec.customerRingSeconds(), () -> dialFails("NOANSWER", CauseText.NO_ANSWER));
            }
            case BUSY -> dialFails("BUSY", CauseText.USER_BUSY);
        }
    }

    private void originateResponse() {
        events.originateResponse(actionId, true, agent.one.name, agent.one, CONTEXT, spec.number(), 4);
    }

    private void dialCustomer() {
        SimChannel one = agent.one;
        String number = spec.number();
        dialStartMicros = pbx.clock().cursorMicros();
        trunk = events.dialTrunk(one, number, agentName, agent.extension);
        track(trunk);
        if (spec.outcome() != OutboundOutcome.BUSY) {
            events.varSet(one, "RINGTIME", "0");
            events.varSet(one, "RINGTIME_MS", "1");
            events.dialState(one, trunk, "RINGING");
        }
    }

    private void customerAnswers() {
        SimChannel one = agent.one;
        events.cel().answer(trunk);
        events.newState(trunk, ChannelState.UP);
        events.varSet(one, "DIALSTATUS", "ANSWER");
        events.varSet(one, "DIALEDPEERNAME", trunk.name);
        events.varSet(one, "DIALEDPEERNUMBER", "carrier/" + spec.number());
        trunk.dialplan(QueueCall.TRUNK_CONTEXT, "", 1);
        events.dialEnd(one, trunk, "ANSWER");
        bridge = SimBridge.create(pbx);
        events.newExten(trunk, 1, "AppDial", "(Outgoing Line)");
        bridge.enter(trunk, null);
        events.deviceState(ChannelEvents.TRUNK_DEVICE, "INUSE");
        bridge.enter(one, trunk);
        events.varSet(trunk, "BRIDGEPEER", one.name);
        events.varSet(one, "BRIDGEPEER", trunk.name);
        agent.answeredMicros = pbx.clock().cursorMicros();
        timeline.after(spec.talkSeconds(), () -> customerHangsUp(SimulatedCall.Outcome.ANSWERED));
    }

    private void customerHangsUp(SimulatedCall.Outcome outcome) {
        SimChannel one = agent.one;
        events.hangupRequest(trunk, CauseText.NORMAL_CLEARING);
        events.varSet(trunk, "BRIDGEPEER", "");
        events.varSet(one, "BRIDGEPEER", "");
        bridge.leave(trunk);
        events.hangupRequest(trunk, CauseText.NORMAL_CLEARING);
        events.hangup(trunk, CauseText.NORMAL_CLEARING);
        bridge.leave(one);
        bridge.destroy();
        long now = pbx.clock().cursorMicros();
        events.varSet(one, "ANSWEREDTIME", Long.toString(SimClock.elapsedSeconds(agent.answeredMicros, now)));
        events.varSet(one, "ANSWEREDTIME_MS", Long.toString(SimClock.elapsedMillis(agent.answeredMicros, now)));
        events.varSet(one, "DIALEDTIME", Long.toString(SimClock.elapsedSeconds(dialStartMicros, now)));
        events.varSet(one, "DIALEDTIME_MS", Long.toString(SimClock.elapsedMillis(dialStartMicros, now)));
        events.varSet(one, "DIALSTATUS", "ANSWER");
        agentSideEnds(CauseText.NORMAL_CLEARING, outcome);
    }

    private void dialFails(String dialStatus, int cause) {
        SimChannel one = agent.one;
        events.dialEnd(one, trunk, dialStatus);
        events.hangupRequest(trunk, cause);
        events.hangup(trunk, cause);
        events.varSet(one, "DIALSTATUS", dialStatus);
        events.newExten(one, 3, "Hangup", "");
        agentSideEnds(
                cause, cause == CauseText.USER_BUSY ? SimulatedCall.Outcome.BUSY : SimulatedCall.Outcome.NO_ANSWER);
    }

    /** The agent's Local pair hangs up once the dialplan is done. */
    private void agentSideEnds(int cause, SimulatedCall.Outcome outcome) {
        SimChannel one = agent.one;
        events.softHangupRequest(one, CauseText.NORMAL_CLEARING);
        events.hangupRequest(agent.two, cause);
        events.hangup(one, cause);
        events.cel()
                .cdr(
                        one,
                        spec.number(),
                        agent.answeredMicros,
                        outcome == SimulatedCall.Outcome.BUSY ? "BUSY" : "ANSWERED");
        events.softHangupRequest(agent.two, CauseText.NORMAL_CLEARING);
        phone.runHangupHandler(agent, null);
        events.hangup(agent.two, cause);
        events.trunkInUse(false);
        events.deviceState(AgentLeg.localDevice(agent.extension), "NOT_INUSE");
        events.deviceState(AgentLeg.localDevice(agent.extension), "NOT_INUSE");
        finish(outcome);
    }

    private void finish(SimulatedCall.Outcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        timeline.end();
        pbx.callEnded();
        SimulatedCall result = new SimulatedCall(
                agent.one.linkedid(), agent.one.name, outcome, Optional.of(agent.extension), channelNames, List.of());
        pbx.afterEventsDelivered(() -> done.complete(result));
    }

    private void track(SimChannel channel) {
        channelNames.add(channel.name);
        pbx.attach(channel, this);
    }

    @Override
    public void hangupByAction() {
        if (ended) {
            return;
        }
        if (bridge != null && trunk != null && trunk.bridgeId().equals(bridge.id)) {
            customerHangsUp(SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
        } else if (trunk != null) {
            events.dialEnd(agent.one, trunk, "CANCEL");
            events.hangupRequest(trunk, CauseText.NORMAL_CLEARING);
            events.hangup(trunk, CauseText.NORMAL_CLEARING);
            agentSideEnds(CauseText.NORMAL_CLEARING, SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
        } else {
            events.dialEnd(null, agent.one, "CANCEL");
            agentSideEnds(CauseText.NORMAL_CLEARING, SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
        }
    }

    @Override
    public boolean redirect(String context, String extension) {
        return false;
    }
}
