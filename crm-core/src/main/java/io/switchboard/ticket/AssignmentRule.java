package io.switchboard.ticket;

/** Who gets a ticket that arrives in a tier without a chosen assignee. */
public enum AssignmentRule {
    /** Nobody: it waits in the tier's queue until a member takes it. */
    QUEUE,
    /** The member with the fewest active tickets (ties: the longest-standing member). */
    LEAST_LOADED
}
