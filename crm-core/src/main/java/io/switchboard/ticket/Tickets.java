package io.switchboard.ticket;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityId;
import io.switchboard.activity.ActivityNotFoundException;
import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.directory.Viewer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens tickets (by hand, or from a call in one step) and reads them back within what the viewer may see. Changes
 * are {@link TicketActions}; escalation is {@link Escalations}.
 */
public class Tickets {

    static final int MAX_SUBJECT = 300;
    static final int MAX_DESCRIPTION = 8_000;

    private final TicketStore store;
    private final TicketSearch search;
    private final TicketChanger changer;
    private final SlaPolicies policies;
    private final SupportTiers tiers;
    private final Contacts contacts;
    private final ActivityHistory activities;
    private final TransactionTemplate transactions;
    private final TicketMetrics metrics;
    private final int maxPageSize;
    private final TicketCategories categories;

    Tickets(
            TicketStore store,
            TicketSearch search,
            TicketChanger changer,
            SlaPolicies policies,
            SupportTiers tiers,
            Contacts contacts,
            ActivityHistory activities,
            TransactionTemplate transactions,
            TicketMetrics metrics,
            int maxPageSize,
            TicketCategories categories) {
        this.store = store;
        this.search = search;
        this.changer = changer;
        this.policies = policies;
        this.tiers = tiers;
        this.contacts = contacts;
        this.activities = activities;
        this.transactions = transactions;
        this.metrics = metrics;
        this.maxPageSize = maxPageSize;
        this.categories = categories;
    }

    /**
     * Opens a ticket in the given tier (else the first), assigned as asked (else by the tier's rule), with the SLA
     * policy of its priority and the contact's account, its clocks starting now.
     *
     * @throws InvalidTicketException a missing or too long subject, a contact the viewer may not see, an unknown
     *     tier, an assignee who is not a member of it, a category not configured, a blank or too long tag
     */
    public Ticket open(NewTicket ticket, Viewer viewer) {
        String subject = TicketText.required("subject", ticket.subject(), MAX_SUBJECT);
        String description = TicketText.optional("description", ticket.description(), MAX_DESCRIPTION);
        String category = categories.checked(ticket.category());
        List<String> tags = TicketCategories.checkedTags(ticket.tags());
        Contact contact = ticket.contact() == null
                ? null
                : contacts.find(ticket.contact(), viewer)
                        .orElseThrow(() -> new InvalidTicketException(
                                "contact", "no contact " + ticket.contact().value()));
        Tier tier = ticket.tier() == null ? tiers.first() : tiers.tier(ticket.tier());
        Ticket opened = transactions.execute(status -> {
            Instant now = changer.now();
            TicketState state = new TicketState();
            state.subject = subject;
            state.description = description;
            state.category = category;
            state.tags = new java.util.ArrayList<>(tags);
            state.priority = ticket.priority();
            state.status = TicketStatus.NEW;
            state.tier = tier.name();
            state.openedBy = viewer.user().value();
            state.createdAt = now;
            if (contact != null) {
                state.contactId = contact.id().value();
                state.contactName = contact.name();
                if (contact.account() != null) {
                    state.accountId = contact.account().id().value();
                    state.accountName = contact.account().name();
                }
            }
            SlaPolicies.Policy policy = policies.select(state.priority, state.accountName, tier);
            state.slaCalendar = policy.calendar();
            state.startClocks(policy, now, changer.sla(state));
            state.record(now, viewer.user().value(), ChangeKind.CREATED, null, tier.name(), null);
            assignee(tier, ticket)
                    .ifPresent(member -> state.assign(
                            member.id(), member.username(), now, viewer.user().value(), null));
            if (ticket.callId() != null && !ticket.callId().isBlank()) {
                state.linkCall(ticket.callId().strip(), now, viewer.user().value());
            }
            state.refreshNextCheck();
            store.insert(state);
            if (state.assigneeId == null) {
                changer.publish(TicketNews.of(
                        state, TicketNews.Kind.QUEUED, viewer.user().value(), now));
            }
            return changer.view(state, now);
        });
        metrics.opened(ticket.priority());
        return opened;
    }

    /**
     * Opens a ticket about a call: its contact, a subject naming the call and a description summarising it are
     * taken from the activity unless {@code choices} says otherwise; the call is linked.
     *
     * @throws ActivityNotFoundException no such activity, or one the viewer may not see
     */
    public Ticket openFromActivity(ActivityId activity, TicketFromCall choices, Viewer viewer) {
        Activity call = activities.find(activity, viewer).orElseThrow(() -> new ActivityNotFoundException(activity));
        CallSummary summary = new CallSummary(call, policies.calendar("default").zone());
        return open(
                new NewTicket(
                        choices.subject() == null || choices.subject().isBlank()
                                ? summary.subject()
                                : choices.subject(),
                        choices.description() == null ? summary.description() : choices.description(),
                        choices.priority(),
                        call.contact(),
                        choices.tier(),
                        choices.assignee(),
                        call.callId(),
                        choices.category(),
                        choices.tags()),
                viewer);
    }

    /** The ticket, if it exists and the viewer may see it. */
    public Optional<Ticket> find(TicketId id, Viewer viewer) {
        TicketVisibility visibility = new TicketVisibility(viewer);
        if (!store.matches(id.value(), visibility.seeSql(), visibility.parameters())) {
            return Optional.empty();
        }
        Instant now = changer.now();
        return store.load(List.of(id.value())).stream().findFirst().map(state -> changer.view(state, now));
    }

    /** The largest page {@link #find} returns ({@code switchboard.tickets.max-page-size}). */
    public int maxPageSize() {
        return maxPageSize;
    }

    /**
     * A page of tickets: a contact's ({@link TicketQuery#ofContact}), a tier's queue ({@link TicketQuery#tierQueue}),
     * a user's ({@link TicketQuery#assignedTo}), always within what the viewer may see.
     *
     * @param page zero-based; the size is at most {@link #maxPageSize()}
     */
    public Page<Ticket> find(TicketQuery query, Viewer viewer, int page, int size) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + maxPageSize);
        }
        if (query.tier() != null) {
            tiers.tier(query.tier());
        }
        int pageSize = size;
        TicketSearch.Found found = search.find(query, viewer, page, pageSize);
        Instant now = changer.now();
        return new PageImpl<>(
                found.tickets().stream().map(state -> changer.view(state, now)).toList(),
                PageRequest.of(page, pageSize),
                found.total());
    }

    /**
     * Every change of the ticket, oldest first.
     *
     * @throws TicketNotFoundException no such ticket, or one the viewer may not see
     */
    public List<TicketChange> history(TicketId id, Viewer viewer) {
        TicketVisibility visibility = new TicketVisibility(viewer);
        if (!store.matches(id.value(), visibility.seeSql(), visibility.parameters())) {
            throw new TicketNotFoundException(id);
        }
        return store.history(id.value());
    }

    private Optional<Assignments.Member> assignee(Tier tier, NewTicket ticket) {
        if (ticket.assignee() == null) {
            return new Assignments(tiers).pick(tier.name());
        }
        return Optional.of(tiers.member(tier.name(), ticket.assignee()));
    }
}
