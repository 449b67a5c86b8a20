package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallAbandoned;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.CallTransferred;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Names the calls of one PBX for the rest of Switchboard: a call is (PBX, Linkedid), written {@code <pbx>:<linkedid>}
 * (Asterisk's Linkedids are {@code <epoch>.<sequence>}, never with a colon), so two PBXes' calls that happen to
 * share a Linkedid stay two calls in the API, the call log, pops and campaign attempts. The {@code default} PBX (the
 * single {@code switchboard.ami} link) keeps the bare Linkedid, so an installation with one PBX, and the rows it
 * wrote, read as before. The tracker itself works in the PBX's own ids; only what leaves it is renamed.
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
        this.renamers = Map.of(
                CallStarted.class, e -> with((CallStarted) e),
                CallQueued.class, e -> with((CallQueued) e),
                AgentRinging.class, e -> with((AgentRinging) e),
                AgentRingStopped.class, e -> with((AgentRingStopped) e),
                CallAnswered.class, e -> with((CallAnswered) e),
                CallTransferred.class, e -> with((CallTransferred) e),
                CallAbandoned.class, e -> with((CallAbandoned) e),
                CallEnded.class, e -> with((CallEnded) e),
                CallTagged.class, e -> with((CallTagged) e),
                AgentStateChanged.class, e -> with((AgentStateChanged) e));
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
        next.publish(renamer == null ? event : renamer.apply(event)); // queue and originate events name no call
    }

    private String id(String linkedid) {
        return callId(pbx, linkedid);
    }

    /** Agent states name no call, but their PBX: the same extension may be an agent on two PBXes. */
    private CallEvent with(AgentStateChanged e) {
        return new AgentStateChanged(e.at(), e.agent(), e.queue(), e.state(), e.pausedReason(), pbx);
    }

    private CallEvent with(CallStarted e) {
        return new CallStarted(id(e.callId()), e.at(), e.direction(), e.caller(), e.callee());
    }

    private CallEvent with(CallQueued e) {
        return new CallQueued(id(e.callId()), e.at(), e.queue(), e.position(), e.caller());
    }

    private CallEvent with(AgentRinging e) {
        return new AgentRinging(
                id(e.callId()), e.at(), e.agent(), e.queue(), e.direction(), e.caller(), e.callee(), e.waitSeconds());
    }

    private CallEvent with(AgentRingStopped e) {
        return new AgentRingStopped(id(e.callId()), e.at(), e.agent(), e.reason());
    }

    private CallEvent with(CallAnswered e) {
        return new CallAnswered(id(e.callId()), e.at(), e.agent(), e.queue(), e.waitSeconds());
    }

    private CallEvent with(CallTransferred e) {
        return new CallTransferred(id(e.callId()), e.at(), e.fromAgent(), e.target(), e.kind());
    }

    private CallEvent with(CallAbandoned e) {
        return new CallAbandoned(id(e.callId()), e.at(), e.queue(), e.position(), e.waitSeconds());
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
                e.queue(),
                e.firstRangAgent(),
                e.answeredBy(),
                e.finalAgent(),
                e.startedAt(),
                e.answeredAt(),
                e.ringSeconds(),
                e.waitSeconds(),
                e.talkSeconds(),
                e.hangupCause(),
                e.hangupCauseText(),
                e.outcome(),
                e.reconciled(),
                e.path());
    }
}
