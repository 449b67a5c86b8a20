package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import java.time.Instant;
import java.util.List;

/**
 * A caller's open ticket as the screen pop shows it (section {@code openTickets}).
 *
 * @param assigneeName {@code null} while it waits in the tier's queue
 * @param nextDeadline the SLA clock that runs out first, with its time left; {@code null} when none runs
 * @param category {@code null} for none
 * @param tags lower case
 */
public record OpenTicket(
        TicketId id,
        ContactId contact,
        String subject,
        TicketStatus status,
        TicketPriority priority,
        String tier,
        String assigneeName,
        Instant createdAt,
        SlaState nextDeadline,
        String category,
        List<String> tags) {}
