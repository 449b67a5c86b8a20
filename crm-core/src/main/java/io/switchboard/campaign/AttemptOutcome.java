package io.switchboard.campaign;

/** How one dial of a lead ended, as the dialer reports it. */
public enum AttemptOutcome {
    /** A person answered and reached an agent; the agent's disposition decides what happens next. */
    HUMAN_ANSWERED,
    /** An answering machine (AMD) answered. */
    MACHINE,
    BUSY,
    NO_ANSWER,
    /** Congestion, an unreachable number, or the PBX refused the call. */
    FAILED,
    /** A person answered but no agent was free to take the call. */
    ABANDONED,
    /** The number was found on a do-not-call list just before dialling: never dialled, and never will be. */
    DNC_BLOCKED
}
