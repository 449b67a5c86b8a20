package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which tickets to list; {@code null} criteria do not filter. Results are also limited to what the viewer may see.
 *
 * @param unassigned only tickets nobody has taken (a tier's queue)
 * @param statuses empty for every status
 * @param order {@link Order#URGENCY}: the next SLA deadline first; {@link Order#NEWEST}: the latest opened first
 */
public record TicketQuery(
        ContactId contact, String tier, boolean unassigned, UserId assignee, Set<TicketStatus> statuses, Order order) {

    public enum Order {
        URGENCY,
        NEWEST
    }

    public TicketQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
        order = order == null ? Order.NEWEST : order;
    }

    /** Every ticket of a contact, newest first. */
    public static TicketQuery ofContact(ContactId contact) {
        return new TicketQuery(contact, null, false, null, Set.of(), Order.NEWEST);
    }

    /** A tier's queue: active tickets in the tier that nobody has taken, most urgent first. */
    public static TicketQuery tierQueue(String tier) {
        return new TicketQuery(null, tier, true, null, TicketStatus.ACTIVE, Order.URGENCY);
    }

    /** A user's active tickets, most urgent first. */
    public static TicketQuery assignedTo(UserId assignee) {
        return new TicketQuery(null, null, false, assignee, TicketStatus.ACTIVE, Order.URGENCY);
    }

    /** Every active ticket the viewer may see, most urgent first. */
    public static TicketQuery active() {
        return new TicketQuery(null, null, false, null, EnumSet.copyOf(TicketStatus.ACTIVE), Order.URGENCY);
    }
}
