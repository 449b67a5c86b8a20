package io.switchboard.screenpop;

import io.switchboard.desktop.Desktops;
import io.switchboard.gateway.edge.EdgeMessage;
import io.switchboard.ticket.EscalationKind;
import io.switchboard.ticket.EscalationNotice;
import io.switchboard.ticket.EscalationNotifier;
import io.switchboard.ticket.TicketPriority;
import java.time.Instant;

/**
 * Tells each person an escalation concerns (the new tier's members, the assignee among them, and their supervisors)
 * on every desktop they have open, on whichever node: an essential {@value #TICKET_ESCALATED} message, so a slow desktop is
 * disconnected rather than left without it. The edge queues the frames and returns at once, so the escalating
 * thread (a scheduler pass or a request) never waits for a desktop.
 */
final class DesktopEscalationNotifier implements EscalationNotifier {

    static final String TICKET_ESCALATED = "ticketEscalated";

    private final Desktops edge;

    DesktopEscalationNotifier(Desktops edge) {
        this.edge = edge;
    }

    @Override
    public void escalated(EscalationNotice notice) {
        for (EscalationNotice.Recipient recipient : notice.recipients()) {
            if (recipient.username() == null) {
                continue;
            }
            edge.sendToUser(
                    recipient.username(),
                    EdgeMessage.essential(TICKET_ESCALATED, TicketEscalated.of(notice, recipient.role())));
        }
    }

    /**
     * What a desktop shows.
     *
     * @param role why this user is told: the ticket is now theirs, in their tier's queue, or in their team's tier
     * @param assignee who has it now; {@code null} while it waits in the tier's queue
     */
    record TicketEscalated(
            long ticket,
            String subject,
            TicketPriority priority,
            EscalationKind kind,
            String fromTier,
            String toTier,
            String assignee,
            String reason,
            Instant at,
            EscalationNotice.Role role) {

        static TicketEscalated of(EscalationNotice notice, EscalationNotice.Role role) {
            String assignee = notice.recipients().stream()
                    .filter(recipient -> recipient.role() == EscalationNotice.Role.ASSIGNEE)
                    .map(EscalationNotice.Recipient::username)
                    .findFirst()
                    .orElse(null);
            return new TicketEscalated(
                    notice.ticket().value(),
                    notice.subject(),
                    notice.priority(),
                    notice.kind(),
                    notice.fromTier(),
                    notice.toTier(),
                    assignee,
                    notice.reason(),
                    notice.at(),
                    role);
        }
    }
}
