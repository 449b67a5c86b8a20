package io.switchboard.ticket;

import io.switchboard.contact.CallerContextContributor;
import io.switchboard.contact.CallerContextRequest;
import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The screen pop's {@code openTickets} section: the caller's active tickets (of every matched contact the agent may
 * see, whoever holds them), newest first, each with status, tier, assignee and the SLA clock that runs out first.
 */
final class OpenTicketsContributor implements CallerContextContributor {

    static final String NAME = "openTickets";

    private final TicketSearch search;
    private final TicketChanger changer;
    private final int limit;

    OpenTicketsContributor(TicketSearch search, TicketChanger changer, int limit) {
        this.search = search;
        this.changer = changer;
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Object> contribute(CallerContextRequest request) {
        List<TicketState> active = search.activeOf(
                request.contacts().stream().map(ContactId::value).toList(), limit);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Instant now = changer.now();
        List<OpenTicket> tickets = active.stream()
                .map(state -> changer.view(state, now))
                .map(OpenTicketsContributor::openTicket)
                .toList();
        return Optional.of(tickets);
    }

    private static OpenTicket openTicket(Ticket ticket) {
        UserId assignee = ticket.assignee();
        return new OpenTicket(
                ticket.id(),
                ticket.contact(),
                ticket.subject(),
                ticket.status(),
                ticket.priority(),
                ticket.tier(),
                assignee == null ? null : ticket.assigneeName(),
                ticket.createdAt(),
                ticket.nextDeadline().orElse(null),
                ticket.category(),
                ticket.tags());
    }
}
