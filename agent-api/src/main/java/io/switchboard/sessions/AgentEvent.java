package io.switchboard.sessions;

import java.time.Instant;

/**
 * One row of the append-only {@code agent_events} table: something an agent did, as it happened.
 *
 * @param agent the agent's extension (the PBX's name for them)
 * @param queue the queue of a {@link Kind#STATE} change or of a {@link Kind#CALL} (null for a call outside queues)
 * @param state for {@link Kind#STATE} only
 * @param reason the pause reason of a {@link MemberState#PAUSED} state, as the agent or the PBX gave it
 * @param endedAt for {@link Kind#CALL}: when the agent's talk ended ({@code at} is when they answered)
 * @param wrapUpSeconds for {@link Kind#CALL}: the queue's wrap-up time when the call ended
 */
record AgentEvent(
        String agent,
        Kind kind,
        Instant at,
        String queue,
        MemberState state,
        String reason,
        String callId,
        Instant endedAt,
        int wrapUpSeconds) {

    enum Kind {
        STATE,
        CALL,
        RING_MISSED
    }

    /** What a queue member's state means for their session: logged in (ready or busy), paused, or gone. */
    enum MemberState {
        LOGGED_IN,
        PAUSED,
        LOGGED_OUT
    }

    static AgentEvent state(String agent, Instant at, String queue, MemberState state, String reason) {
        return new AgentEvent(agent, Kind.STATE, at, queue, state, reason, null, null, 0);
    }

    static AgentEvent call(String agent, String callId, String queue, Instant answered, Instant ended, int wrapUp) {
        return new AgentEvent(agent, Kind.CALL, answered, queue, null, null, callId, ended, wrapUp);
    }

    static AgentEvent ringMissed(String agent, String callId, Instant at) {
        return new AgentEvent(agent, Kind.RING_MISSED, at, null, null, null, callId, null, 0);
    }
}
