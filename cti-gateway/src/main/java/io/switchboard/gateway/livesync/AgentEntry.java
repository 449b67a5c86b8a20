package io.switchboard.gateway.livesync;

import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's state in one queue as a node knows it, with the time of the change that set it ({@code at}, the PBX's
 * clock), which the read models show as the time since the agent is in that state.
 */
public record AgentEntry(
        String agent, String queue, AgentState state, String pausedReason, Instant at, Instant lastCall) {

    public AgentEntry {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    static AgentEntry of(AgentStateChanged changed) {
        return new AgentEntry(
                changed.agent(),
                changed.queue(),
                changed.state(),
                changed.pausedReason(),
                changed.at(),
                changed.lastCall());
    }

    AgentStateChanged toEvent() {
        return new AgentStateChanged(at, agent, queue, state, pausedReason, lastCall);
    }

    /** Whether {@code other} says the same of the agent (whenever it was said). */
    boolean sameStateAs(AgentEntry other) {
        return state == other.state
                && Objects.equals(pausedReason, other.pausedReason)
                && Objects.equals(lastCall, other.lastCall);
    }
}
