package io.switchboard.ticket;

import java.util.Set;

/**
 * One view of the ticket workbench with its filters.
 *
 * @param view whose tickets
 * @param text words of the subject or the contact's name, or a ticket number ({@code 42} or {@code #42}); {@code null}
 *     for all
 * @param statuses empty for the active ones (new, open, pending the customer); the tiers' queues are always active
 * @param priorities empty for every priority
 * @param tier {@code null} for every tier of the view
 * @param category {@code null} for every category (and none)
 * @param tag {@code null} for any tags; otherwise only tickets with this tag
 */
public record WorkbenchQuery(
        View view,
        String text,
        Set<TicketStatus> statuses,
        Set<TicketPriority> priorities,
        String tier,
        Sort sort,
        String category,
        String tag) {

    /** Whose tickets a view lists. */
    public enum View {
        /** Assigned to the viewer. */
        MINE,
        /** Waiting unassigned in the queues of the tiers the viewer belongs to. */
        TIERS,
        /** What a supervisor's team works on: assigned to or opened by its members, and its tiers' queues. */
        TEAM,
        /** Every ticket (admins). */
        ALL
    }

    public enum Sort {
        /** The next SLA warning or breach first; tickets with no running clock last. */
        URGENCY,
        /** Urgent first, then by urgency. */
        PRIORITY,
        /** The latest changed first. */
        UPDATED,
        /** The latest opened first. */
        NEWEST
    }

    public WorkbenchQuery {
        view = view == null ? View.MINE : view;
        text = text == null || text.isBlank() ? null : text.strip();
        statuses = statuses == null || statuses.isEmpty() || view == View.TIERS
                ? TicketStatus.ACTIVE
                : Set.copyOf(statuses);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        tier = tier == null || tier.isBlank() ? null : tier.strip();
        sort = sort == null ? Sort.URGENCY : sort;
        category = category == null || category.isBlank() ? null : category.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A view filtered by neither category nor tag. */
    public WorkbenchQuery(
            View view,
            String text,
            Set<TicketStatus> statuses,
            Set<TicketPriority> priorities,
            String tier,
            Sort sort) {
        this(view, text, statuses, priorities, tier, sort, null, null);
    }

    /** The first page of a view as it opens: active tickets, most urgent first. */
    public static WorkbenchQuery of(View view) {
        return new WorkbenchQuery(view, null, Set.of(), Set.of(), null, Sort.URGENCY);
    }
}
