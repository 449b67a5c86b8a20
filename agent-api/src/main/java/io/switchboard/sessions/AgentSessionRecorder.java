package io.switchboard.sessions;

import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.sessions.AgentEvent.MemberState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns the call events into agent events and stores each as it comes (on the bus's queued delivery: one thread).
 * Only what a session report needs is written: membership and pause changes (not the ringing/busy flicker of every
 * call, which the calls themselves say better), each agent's talk on each call, and rings left unanswered.
 */
final class AgentSessionRecorder {

    private record Membership(MemberState state, String reason) {}

    private final AgentEventStore store;
    private final Function<String, Duration> wrapUpOf;
    /** The last state written per agent and queue; empty after a start, so the PBX's first listing is written. */
    private final Map<String, Membership> written = new HashMap<>();

    private final CallEventHandlers handlers = CallEventHandlers.none()
            .on(AgentStateChanged.class, this::stateChanged)
            .on(AgentRingStopped.class, this::ringStopped)
            .on(CallEnded.class, this::ended);

    /** @param wrapUpOf each queue's wrap-up time, asked when a call ends (so the stored value is the one then) */
    AgentSessionRecorder(AgentEventStore store, Function<String, Duration> wrapUpOf) {
        this.store = store;
        this.wrapUpOf = wrapUpOf;
    }

    CallEventHandlers handlers() {
        return handlers;
    }

    private void stateChanged(AgentStateChanged changed) {
        MemberState state = switch (changed.state()) {
            case LOGGED_OUT -> MemberState.LOGGED_OUT;
            case PAUSED -> MemberState.PAUSED;
            default -> MemberState.LOGGED_IN;
        };
        Membership now = new Membership(state, state == MemberState.PAUSED ? changed.pausedReason() : null);
        String key = changed.agent() + '@' + changed.queue();
        Membership before = state == MemberState.LOGGED_OUT ? written.remove(key) : written.put(key, now);
        // a logout is written even when this recorder saw no login (the gateway only reports logouts of members
        // it knew): a repeated state costs a row, a lost logout would leave the agent logged in in every report
        if (Objects.equals(before, now)) {
            return;
        }
        store.append(AgentEvent.state(changed.agent(), changed.at(), changed.queue(), state, now.reason()));
    }

    private void ringStopped(AgentRingStopped stopped) {
        if (stopped.reason() == RingStopReason.NO_ANSWER) {
            store.append(AgentEvent.ringMissed(stopped.agent(), stopped.callId(), stopped.at()));
        }
    }

    /** One talk row per agent leg that was answered; a PBX that reports no legs gives the call's own answer. */
    private void ended(CallEnded ended) {
        if (ended.path().isEmpty()) {
            String agent = ended.finalAgent() != null ? ended.finalAgent() : ended.answeredBy();
            if (agent != null && ended.answeredAt() != null) {
                talked(agent, ended.callId(), ended.queue(), ended.answeredAt(), ended.at());
            }
            return;
        }
        for (CallLeg leg : ended.path()) {
            if (leg.agent() != null && leg.answeredAt() != null) {
                Instant end = leg.endedAt() != null ? leg.endedAt() : ended.at();
                talked(leg.agent(), ended.callId(), leg.queue(), leg.answeredAt(), end);
            }
        }
    }

    private void talked(String agent, String callId, String queue, Instant answered, Instant ended) {
        // Asterisk holds a member back for the queue's wrapuptime after a call of that queue only
        int wrapUp = queue == null ? 0 : (int) wrapUpOf.apply(queue).toSeconds();
        store.append(AgentEvent.call(agent, callId, queue, answered, ended, wrapUp));
    }
}
