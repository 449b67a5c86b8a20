package io.switchboard.live;

import io.switchboard.gateway.call.AgentState;

/**
 * What a supervisor sees of an agent in one queue: the PBX's member state, plus wrap-up, which Switchboard derives
 * (the PBX reports a member in wrap-up as free; it just does not ring them until the queue's wrap-up time is over).
 */
public enum AgentStatus {
    READY,
    RINGING,
    ON_CALL,
    /** The call just ended; the agent finishes notes and disposition before the queue rings them again. */
    WRAP_UP,
    PAUSED,
    UNAVAILABLE,
    LOGGED_OUT;

    static AgentStatus of(AgentState state) {
        return switch (state) {
            case READY -> READY;
            case RINGING -> RINGING;
            case ON_CALL -> ON_CALL;
            case PAUSED -> PAUSED;
            case UNAVAILABLE -> UNAVAILABLE;
            case LOGGED_OUT -> LOGGED_OUT;
        };
    }
}
