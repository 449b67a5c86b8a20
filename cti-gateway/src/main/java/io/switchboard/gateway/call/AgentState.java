package io.switchboard.gateway.call;

/** An agent's state in one queue, derived from the queue member's device status and pause flag. */
public enum AgentState {
    READY,
    RINGING,
    ON_CALL,
    PAUSED,
    UNAVAILABLE,
    LOGGED_OUT;

    static AgentState of(MemberStatus status, boolean paused) {
        if (paused) {
            return PAUSED;
        }
        return switch (status) {
            case NOT_INUSE -> READY;
            case RINGING, RINGINUSE -> RINGING;
            case INUSE, BUSY, ONHOLD -> ON_CALL;
            case INVALID, UNAVAILABLE -> UNAVAILABLE;
            case UNKNOWN -> READY;
        };
    }
}
