package io.switchboard.ticket;

import io.switchboard.contact.ContactId;

/**
 * Changes to a ticket's fields; {@code null} leaves a field as it is.
 *
 * @param priority a new priority re-picks the SLA policy; the time already used counts against the new targets
 * @param expectedVersion the version the editor saw; {@code null} to skip the check
 * @param reason why, kept in the history
 */
public record TicketEdit(
        String subject,
        String description,
        TicketPriority priority,
        ContactId contact,
        Long expectedVersion,
        String reason) {}
