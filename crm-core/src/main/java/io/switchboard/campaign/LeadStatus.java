package io.switchboard.campaign;

import java.util.Set;

/** Where a lead is in its campaign. */
public enum LeadStatus {
    /** Imported, never dialled. */
    NEW,
    /** Claimed by the dialer or an agent; an attempt is in progress. */
    DIALING,
    /** A person answered; the lead waits for the agent's disposition. */
    CONNECTED,
    /** Due again at its next attempt time. */
    RETRY,
    /** Due at the time agreed with the customer; for one agent when it is a personal callback. */
    CALLBACK,
    /** A final disposition was set. */
    DONE,
    /** The campaign's maximum attempts were used up. */
    EXHAUSTED,
    /** Its number is on a do-not-call list. */
    DNC;

    /** Statuses the dialer picks leads from (when due, in their call window, below max attempts). */
    public static final Set<LeadStatus> WAITING = Set.of(NEW, RETRY, CALLBACK);

    /** Statuses a lead never leaves. */
    public static final Set<LeadStatus> FINISHED = Set.of(DONE, EXHAUSTED, DNC);
}
