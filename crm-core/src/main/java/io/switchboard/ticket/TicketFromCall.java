package io.switchboard.ticket;

import io.switchboard.directory.UserId;
import java.util.List;

/**
 * What the agent chooses when opening a ticket from a call; the rest comes from the call. Every field may be
 * {@code null}: the subject then names the call, the description summarises it, the priority is NORMAL, the tier
 * the first, the assignee follows the tier's rule.
 */
public record TicketFromCall(
        String subject,
        String description,
        TicketPriority priority,
        String tier,
        UserId assignee,
        String category,
        List<String> tags) {

    /** Choices without category or tags. */
    public TicketFromCall(String subject, String description, TicketPriority priority, String tier, UserId assignee) {
        this(subject, description, priority, tier, assignee, null, null);
    }

    public static TicketFromCall defaults() {
        return new TicketFromCall(null, null, null, null, null);
    }
}
