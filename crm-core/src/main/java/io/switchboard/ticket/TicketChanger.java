package io.switchboard.ticket;

import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a person changes a ticket: in a transaction, with its row locked (so the scheduler skips it meanwhile
 * and two editors take turns), after checking that the viewer may work on it and, when asked, that nobody changed
 * it since they looked.
 */
final class TicketChanger {

    /** A change to a locked ticket at {@code now}. */
    interface Change {
        void apply(TicketState ticket, Instant now);
    }

    private final TicketStore store;
    private final SlaPolicies policies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SupportTiers tiers;
    private final ApplicationEventPublisher events;

    TicketChanger(
            TicketStore store,
            SlaPolicies policies,
            TransactionTemplate transactions,
            Clock clock,
            SupportTiers tiers,
            ApplicationEventPublisher events) {
        this.tiers = tiers;
        this.events = events;
        this.store = store;
        this.policies = policies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws TicketNotFoundException no such ticket, or one the viewer may not see
     * @throws TicketAccessDeniedException the viewer sees it but may not work on it
     * @throws OptimisticLockingFailureException it changed since {@code expectedVersion}
     */
    Ticket change(TicketId id, Viewer viewer, Long expectedVersion, Change change) {
        return transactions.execute(status -> {
            TicketState ticket = store.lock(id.value()).orElseThrow(() -> new TicketNotFoundException(id));
            TicketVisibility visibility = new TicketVisibility(viewer);
            if (!store.matches(id.value(), visibility.workSql(), visibility.parameters())) {
                if (store.matches(id.value(), visibility.seeSql(), visibility.parameters())) {
                    throw new TicketAccessDeniedException(id);
                }
                throw new TicketNotFoundException(id);
            }
            if (expectedVersion != null && expectedVersion != ticket.version) {
                throw new OptimisticLockingFailureException(
                        "ticket " + id.value() + " was changed by someone else (now version " + ticket.version + ")");
            }
            Instant now = clock.instant();
            change.apply(ticket, now);
            ticket.refreshNextCheck();
            store.save(List.of(ticket));
            return view(ticket, now);
        });
    }

    TicketState.Sla sla(TicketState ticket) {
        return new TicketState.Sla(policies.calendar(ticket.slaCalendar), policies.warningPercent());
    }

    SlaPolicies.Policy policy(TicketState ticket) {
        return policies.select(
                ticket.priority, ticket.accountName, tiers.find(ticket.tier).orElse(null));
    }

    Ticket view(TicketState ticket, Instant now) {
        return ticket.view(now, policies.calendar(ticket.slaCalendar));
    }

    /** Publishes news of a change; call it inside the change's transaction (listeners may wait for its commit). */
    void publish(TicketNews news) {
        events.publishEvent(news);
    }

    Instant now() {
        return clock.instant();
    }
}
