package io.switchboard.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a ticket stands. SLA clocks run while it is {@link #NEW} or {@link #OPEN}, pause while
 * {@link #PENDING_CUSTOMER}, and stop when it is {@link #RESOLVED} or {@link #CLOSED}.
 */
public enum TicketStatus {
    /** Opened, nobody has answered the customer yet. */
    NEW,
    /** Being worked on. */
    OPEN,
    /** Waiting for the customer: the SLA clocks are paused. */
    PENDING_CUSTOMER,
    /** Solved; the customer may still reopen it. */
    RESOLVED,
    /** Done for good. */
    CLOSED;

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
            NEW, EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED, CLOSED),
            OPEN, EnumSet.of(PENDING_CUSTOMER, RESOLVED, CLOSED),
            PENDING_CUSTOMER, EnumSet.of(OPEN, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    /** The statuses of tickets that still need work (the pop's "open tickets"). */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(NEW, OPEN, PENDING_CUSTOMER);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean mayBecome(TicketStatus next) {
        return NEXT.get(this).contains(next);
    }
}
