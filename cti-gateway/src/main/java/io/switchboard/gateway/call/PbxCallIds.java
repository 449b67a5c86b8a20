package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAbandoned;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.QueueChanged;
import io.switchboard.gateway.call.CallEvent.QueueListed;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Names the calls of one PBX for the rest of Switchboard: a call is (PBX, Linkedid), written {@code <pbx>:<linkedid>}
 * (Asterisk's Linkedids are {@code <epoch>.<sequence>}, never with a colon), so two PBXes' calls that happen to
 * share a Linkedid stay two calls in the API, the call log, pops and campaign attempts. The {@code default} PBX (the
 * single {@code switchboard.ami} link) keeps the bare Linkedid, so an installation with one PBX, and the rows it
 * wrote, read as before. Agents' extensions and queues are named the same way ({@link PbxName}: {@code b:1001},
 * {@code b:support}), so 1001 on two PBXes is two agents and {@code support} two queues. The tracker itself works in
 * the PBX's own names; only what leaves it is renamed.
 */
public final class PbxCallIds implements CallEventSink {

    /** The id of the single {@code switchboard.ami} link, and of the PBX of rows written before there were several. */
    public static final String DEFAULT_PBX = "default";

    private static final char SEPARATOR = ':';

    private final String pbx;
    private final CallEventSink next;
    private final Map<Class<? extends CallEvent>, UnaryOperator<CallEvent>> renamers;

    private PbxCallIds(String pbx, CallEventSink next) {
        this.pbx = pbx;
        this.next = next;
        this.renamers = Map.ofEntries(
                Map.entry(CallStarted.class, e -> with((CallStarted) e)),
                Map.entry(CallQueued.class, e -> with((CallQueued) e)),
                Map.entry(AgentRinging.class, e -> with((AgentRinging) e)),
                Map.entry(AgentRingStopped.class, e -> with((AgentRingStopped) e)),
                Map.entry(CallAnswered.class, e -> with((CallAnswered) e)),
                Map.entry(CallTransferred.class, e -> with((CallTransferred) e)),
                Map.entry(CallAbandoned.class, e -> with((CallAbandoned) e)),
                Map.entry(CallEnded.class, e -> with((CallEnded) e)),
                Map.entry(CallTagged.class, e -> with((CallTagged) e)),
                Map.entry(AgentStateChanged.class, e -> with((AgentStateChanged) e)),
                Map.entry(QueueChanged.class, e -> with((QueueChanged) e)),
                Map.entry(QueueListed.class, e -> with((QueueListed) e)));
    }

    /** The sink a PBX's tracker publishes to: {@code next} itself for the default PBX, a renaming one otherwise. */
    public static CallEventSink forPbx(String pbx, CallEventSink next) {
        return DEFAULT_PBX.equals(pbx) ? next : new PbxCallIds(pbx, next);
    }

    /** The call id the rest of Switchboard knows a PBX's call by. */
    public static String callId(String pbx, String linkedid) {
        return DEFAULT_PBX.equals(pbx) ? linkedid : pbx + SEPARATOR + linkedid;
    }

    /** The PBX a call id belongs to: the part before the colon, {@link #DEFAULT_PBX} when there is none. */
    public static String pbxOf(String callId) {
        int colon = callId == null ? -1 : callId.indexOf(SEPARATOR);
        return colon <= 0 ? DEFAULT_PBX : callId.substring(0, colon);
    }

    @Override
    public void publish(CallEvent event) {
        UnaryOperator<CallEvent> renamer = renamers.get(event.getClass());
        next.publish(renamer == null ? event : renamer.apply(event)); // an originate's failure names nothing of the PBX
    }

    private String id(String linkedid) {
        return callId(pbx, linkedid);
    }

    /** An agent's extension or a queue's name as the rest of Switchboard knows it ({@link PbxName}). */
    private String named(String name) {
        return PbxName.key(pbx, name);
    }

    private CallEvent with(AgentStateChanged e) {
        return new AgentStateChanged(
                e.at(), named(e.agent()), named(e.queue()), e.state(), e.pausedReason(), e.lastCall());
    }

    private CallEvent with(QueueChanged e) {
        return new QueueChanged(e.at(), named(e.queue()), e.waiting(), e.longestWaitingSince());
    }

    private CallEvent with(QueueListed e) {
        return new QueueListed(e.at(), named(e.queue()));
    }

    private CallEvent with(CallStarted e) {
        return new CallStarted(id(e.callId()), e.at(), e.direction(), e.caller(), e.callee());
    }

    private CallEvent with(CallQueued e) {
        return new CallQueued(id(e.callId()), e.at(), named(e.queue()), e.position(), e.caller());
    }

    private CallEvent with(AgentRinging e) {
        return new AgentRinging(
                id(e.callId()),
                e.at(),
                named(e.agent()),
                named(e.queue()),
                e.direction(),
                e.caller(),
                e.callee(),
                e.waitSeconds());
    }

    private CallEvent with(AgentRingStopped e) {
        return new AgentRingStopped(id(e.callId()), e.at(), named(e.agent()), e.reason());
    }

    private CallEvent with(CallAnswered e) {
        return new CallAnswered(id(e.callId()), e.at(), named(e.agent()), named(e.queue()), e.waitSeconds());
    }

    private CallEvent with(CallTransferred e) {
        return new CallTransferred(id(e.callId()), e.at(), named(e.fromAgent()), named(e.target()), e.kind());
    }

    private CallEvent with(CallAbandoned e) {
        return new CallAbandoned(id(e.callId()), e.at(), named(e.queue()), e.position(), e.waitSeconds());
    }

    private CallEvent with(CallTagged e) {
        return new CallTagged(id(e.callId()), e.at(), e.name(), e.value());
    }

    private CallEvent with(CallEnded e) {
        return new CallEnded(
                id(e.callId()),
                e.at(),
                e.direction(),
                e.caller(),
                e.callee(),
                named(e.queue()),
                named(e.firstRangAgent()),
                named(e.answeredBy()),
                named(e.finalAgent()),
                e.startedAt(),
                e.answeredAt(),
                e.ringSeconds(),
                e.waitSeconds(),
                e.talkSeconds(),
                e.hangupCause(),
                e.hangupCauseText(),
                e.outcome(),
                e.reconciled(),
                e.path().stream().map(this::with).toList());
    }

    private CallLeg with(CallLeg leg) {
        return new CallLeg(
                named(leg.queue()),
                named(leg.agent()),
                leg.startedAt(),
                leg.answeredAt(),
                leg.endedAt(),
                leg.transferred());
    }
}
