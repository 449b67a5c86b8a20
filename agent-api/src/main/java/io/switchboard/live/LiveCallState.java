package io.switchboard.live;

public enum LiveCallState {
    /** Started, not yet in a queue or at an agent (IVR, dialling out). */
    STARTED,
    /** Waiting in a queue. */
    QUEUED,
    /** An agent's phone rings. */
    RINGING,
    /** An agent talks to the caller. */
    TALKING
}
