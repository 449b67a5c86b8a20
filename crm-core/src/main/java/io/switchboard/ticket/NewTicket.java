package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.util.List;

/**
 * A ticket to open.
 *
 * @param priority {@code null} for {@link TicketPriority#NORMAL}
 * @param contact {@code null} for an unknown caller
 * @param tier the tier's name; {@code null} for the first tier
 * @param assignee a member of that tier; {@code null} to follow the tier's {@link AssignmentRule}
 * @param callId the PBX's id of the call it is about (also of a call still in progress); {@code null} for none
 * @param category one of {@code switchboard.tickets.categories} (any case); {@code null} for none
 * @param tags free labels; {@code null} for none
 */
public record NewTicket(
        String subject,
        String description,
        TicketPriority priority,
        ContactId contact,
        String tier,
        UserId assignee,
        String callId,
        String category,
        List<String> tags) {

    public NewTicket {
        priority = priority == null ? TicketPriority.NORMAL : priority;
        tags = tags == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
    }

    /** A ticket without category or tags. */
    public NewTicket(
            String subject,
            String description,
            TicketPriority priority,
            ContactId contact,
            String tier,
            UserId assignee,
            String callId) {
        this(subject, description, priority, contact, tier, assignee, callId, null, null);
    }

    public static NewTicket of(String subject, TicketPriority priority, ContactId contact) {
        return new NewTicket(subject, null, priority, contact, null, null, null);
    }
}
