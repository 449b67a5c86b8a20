package io.switchboard.ticket;

/** How urgent a ticket is; picks its SLA policy. */
public enum TicketPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
