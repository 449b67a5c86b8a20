package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import java.util.List;

/**
 * Changes to a ticket's fields; {@code null} leaves a field as it is.
 *
 * @param priority a new priority re-picks the SLA policy; the time already used counts against the new targets
 * @param expectedVersion the version the editor saw; {@code null} to skip the check
 * @param reason why, kept in the history
 * @param category one of {@code switchboard.tickets.categories}; an empty text removes it
 * @param tags the whole new list of tags (an empty list removes them all)
 */
public record TicketEdit(
        String subject,
        String description,
        TicketPriority priority,
        ContactId contact,
        Long expectedVersion,
        String reason,
        String category,
        List<String> tags) {

    /** Changes that leave category and tags as they are. */
    public TicketEdit(
            String subject,
            String description,
            TicketPriority priority,
            ContactId contact,
            Long expectedVersion,
            String reason) {
        this(subject, description, priority, contact, expectedVersion, reason, null, null);
    }
}
