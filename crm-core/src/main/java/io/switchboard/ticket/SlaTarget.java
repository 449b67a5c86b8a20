package io.switchboard.ticket;

/** The promises an SLA policy makes, each counted in business hours. */
public enum SlaTarget {
    /** From opening to the first update sent to the customer. */
    FIRST_RESPONSE,
    /** From each update to the next, while the ticket is open. */
    NEXT_UPDATE,
    /** From opening to resolved. */
    RESOLUTION
}
