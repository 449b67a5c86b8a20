package io.switchboard.gateway.call;

public enum CallOutcome {
    /** An agent (or, for outbound calls, the called party) answered. */
    ANSWERED,
    /** The caller hung up while waiting in a queue. */
    ABANDONED,
    /** Inbound and nobody answered, without the caller giving up in a queue (queue timeout, ring timeout). */
    MISSED,
    BUSY,
    NO_ANSWER,
    /** The call could not be placed (congestion, unavailable channel, rejected). */
    FAILED
}
