package io.switchboard.ticket;

/** Identifies a ticket. */
public record TicketId(long value) {}
