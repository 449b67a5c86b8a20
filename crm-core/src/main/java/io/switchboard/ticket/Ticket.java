package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A ticket as the desktop shows it.
 *
 * @param contact the customer; {@code null} for a ticket about an unknown caller
 * @param assignee {@code null} while the ticket waits in its tier's queue
 * @param openedBy {@code null} when the user was deleted
 * @param slaPolicy the name of the SLA policy its clocks follow
 * @param callIds the PBX ids of the calls about it (an activity's {@code callId})
 * @param sla its clocks, in {@link SlaTarget} order
 * @param version changes with every change (edits may name the version they saw)
 * @param category one of {@code switchboard.tickets.categories}; {@code null} for none
 * @param tags free labels, lower case
 */
public record Ticket(
        TicketId id,
        String subject,
        String description,
        TicketPriority priority,
        TicketStatus status,
        ContactId contact,
        String contactName,
        String tier,
        UserId assignee,
        String assigneeName,
        UserId openedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        Instant closedAt,
        String slaPolicy,
        List<String> callIds,
        List<SlaState> sla,
        long version,
        String category,
        List<String> tags) {

    public Ticket {
        callIds = List.copyOf(callIds);
        sla = List.copyOf(sla);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The clock that runs out first among those not yet met; empty when all are met. */
    public Optional<SlaState> nextDeadline() {
        return sla.stream().filter(state -> !state.isMet()).min(Comparator.comparing(SlaState::left));
    }
}
