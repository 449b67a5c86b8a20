package io.switchboard.ticket;

import io.switchboard.directory.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A ticket escalated: what to tell whom.
 *
 * @param fromTier the tier it was in
 * @param toTier the tier it is in now; the same as {@code fromTier} when it was already in the last tier (then
 *     only the people are told)
 * @param assignee who has it now; {@code null} when it waits in the tier's queue
 * @param reason what the history records as the reason
 * @param recipients the tier's members (the assignee among them) and the supervisors of their teams
 */
public record EscalationNotice(
        TicketId ticket,
        String subject,
        TicketPriority priority,
        EscalationKind kind,
        String fromTier,
        String toTier,
        UserId assignee,
        String reason,
        Instant at,
        List<Recipient> recipients) {

    public EscalationNotice {
        recipients = List.copyOf(recipients);
    }

    /** Whether the ticket changed tier (false when it breached in the last tier). */
    public boolean movedTier() {
        return !fromTier.equals(toTier);
    }

    /** Why someone is told. */
    public enum Role {
        ASSIGNEE,
        TIER_MEMBER,
        SUPERVISOR
    }

    /** Someone to tell, with what a notifier needs to reach them (the CTI edge by user, a phone by extension). */
    public record Recipient(UserId user, String username, String displayName, String extension, Role role) {}
}
