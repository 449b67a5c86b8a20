package io.switchboard.ticket;

import io.switchboard.directory.UserId;
import java.time.Instant;

/**
 * Something happened to a ticket that people should see without reloading their page: published (as a Spring
 * application event) inside the change's transaction, so listeners that want only committed news use
 * {@code @TransactionalEventListener}. Escalations have their own notices ({@link EscalationNotice}).
 *
 * @param tier the ticket's tier after the change
 * @param assignee who has it after the change; {@code null} while it waits in the tier's queue
 * @param actor who made the change; {@code null} for the system
 */
public record TicketNews(
        TicketId ticket,
        Kind kind,
        String subject,
        TicketPriority priority,
        String tier,
        UserId assignee,
        UserId actor,
        Instant at) {

    public enum Kind {
        /** Arrived unassigned in the tier's queue: opened there, or sent back to it from a higher tier. */
        QUEUED,
        /** An update was sent to the customer. */
        RESPONDED,
        /** An internal note was added. */
        NOTED,
        /** Sent back to a lower tier, to a member of it. */
        DE_ESCALATED
    }

    static TicketNews of(TicketState ticket, Kind kind, Long actor, Instant at) {
        return new TicketNews(
                new TicketId(ticket.id),
                kind,
                ticket.subject,
                ticket.priority,
                ticket.tier,
                ticket.assigneeId == null ? null : new UserId(ticket.assigneeId),
                actor == null ? null : new UserId(actor),
                at);
    }
}
