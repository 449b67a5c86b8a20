package io.switchboard.simulator;

/** How the customer's line answers a click-to-dial call (the agent's own leg always answers). */
public enum OutboundOutcome {
    ANSWERED,
    /** The customer does not pick up: {@code DialEnd} NOANSWER, cause 19. */
    NO_ANSWER,
    /** The customer's line is busy: {@code DialEnd} BUSY, cause 17. */
    BUSY
}
