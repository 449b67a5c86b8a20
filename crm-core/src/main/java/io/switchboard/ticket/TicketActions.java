package io.switchboard.ticket;

import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityId;
import io.switchboard.activity.ActivityNotFoundException;
import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.util.List;
import java.util.Objects;

/**
 * Work on a ticket: edit it, move it through its statuses, record updates sent to the customer, assign it within
 * its tier, link calls. Each change is recorded in the history with who, when and why.
 *
 * <p>Every method throws {@link TicketNotFoundException} for a ticket the viewer may not see and
 * {@link TicketAccessDeniedException} for one they see but may not work on.
 */
public class TicketActions {

    private static final int MAX_REASON = 2_000;

    private final TicketChanger changer;
    private final SlaPolicies policies;
    private final SupportTiers tiers;
    private final Contacts contacts;
    private final ActivityHistory activities;
    private final TicketCategories categories;

    TicketActions(
            TicketChanger changer,
            SlaPolicies policies,
            SupportTiers tiers,
            Contacts contacts,
            ActivityHistory activities,
            TicketCategories categories) {
        this.changer = changer;
        this.policies = policies;
        this.tiers = tiers;
        this.contacts = contacts;
        this.activities = activities;
        this.categories = categories;
    }

    /**
     * Changes subject, description, priority, contact, category or tags. A new priority re-picks the SLA policy: the business time
     * already used counts against the new targets.
     *
     * @throws InvalidTicketException a blank or too long subject, a contact the viewer may not see
     * @throws org.springframework.dao.OptimisticLockingFailureException changed since {@code expectedVersion}
     */
    public Ticket edit(TicketId id, TicketEdit edit, Viewer viewer) {
        String subject =
                edit.subject() == null ? null : TicketText.required("subject", edit.subject(), Tickets.MAX_SUBJECT);
        String reason = TicketText.optional("reason", edit.reason(), MAX_REASON);
        String category = edit.category() == null ? null : categories.checked(edit.category());
        List<String> tags = edit.tags() == null ? null : TicketCategories.checkedTags(edit.tags());
        Contact contact = edit.contact() == null
                ? null
                : contacts.find(edit.contact(), viewer)
                        .orElseThrow(() -> new InvalidTicketException(
                                "contact", "no contact " + edit.contact().value()));
        Long actor = viewer.user().value();
        return changer.change(id, viewer, edit.expectedVersion(), (ticket, now) -> {
            if (subject != null && !subject.equals(ticket.subject)) {
                ticket.record(now, actor, ChangeKind.SUBJECT, ticket.subject, subject, reason);
                ticket.subject = subject;
            }
            if (edit.description() != null) {
                String description = TicketText.optional("description", edit.description(), Tickets.MAX_DESCRIPTION);
                if (!Objects.equals(description, ticket.description)) {
                    ticket.record(now, actor, ChangeKind.DESCRIPTION, null, null, reason);
                    ticket.description = description;
                }
            }
            if (contact != null && !Objects.equals(contact.id().value(), ticket.contactId)) {
                ticket.record(now, actor, ChangeKind.CONTACT, ticket.contactName, contact.name(), reason);
                ticket.contactId = contact.id().value();
                ticket.contactName = contact.name();
                ticket.accountId = contact.account() == null
                        ? null
                        : contact.account().id().value();
                ticket.accountName =
                        contact.account() == null ? null : contact.account().name();
            }
            if (edit.category() != null) {
                ticket.changeCategory(category, now, actor, reason);
            }
            if (tags != null) {
                ticket.changeTags(tags, now, actor, reason);
            }
            if (edit.priority() != null && edit.priority() != ticket.priority) {
                SlaPolicies.Policy policy = policies.select(
                        edit.priority(),
                        ticket.accountName,
                        tiers.find(ticket.tier).orElse(null));
                TicketState.Sla sla =
                        new TicketState.Sla(policies.calendar(policy.calendar()), policies.warningPercent());
                ticket.changePriority(edit.priority(), now, actor, reason, policy, sla);
            }
        });
    }

    /**
     * Moves the ticket to another status. Pending the customer pauses its SLA clocks (and counts as an answer to
     * them); open again resumes them and restarts the next-update clock; resolved or closed stops them.
     *
     * @throws InvalidTicketException the status cannot follow the current one (e.g. a closed ticket)
     */
    public Ticket changeStatus(TicketId id, TicketStatus status, String reason, Viewer viewer) {
        String why = TicketText.optional("reason", reason, MAX_REASON);
        return changer.change(
                id,
                viewer,
                null,
                (ticket, now) -> ticket.changeStatus(
                        status, now, viewer.user().value(), why, changer.policy(ticket), changer.sla(ticket)));
    }

    /**
     * Records an update sent to the customer: meets the first-response target, restarts the next-update clock, and
     * opens a new ticket.
     */
    public Ticket respond(TicketId id, String note, Viewer viewer) {
        String text = TicketText.optional("note", note, MAX_REASON);
        Long actor = viewer.user().value();
        return changer.change(id, viewer, null, (ticket, now) -> {
            ticket.respond(now, actor, text, changer.policy(ticket), changer.sla(ticket));
            changer.publish(TicketNews.of(ticket, TicketNews.Kind.RESPONDED, actor, now));
        });
    }

    /**
     * Adds an internal note: for colleagues only (never sent to the customer), so it neither meets nor restarts any
     * SLA clock. Notes may be added to closed tickets too.
     *
     * @throws InvalidTicketException no text, or a text over 2,000 characters
     */
    public Ticket note(TicketId id, String note, Viewer viewer) {
        String text = TicketText.required("note", note, MAX_REASON);
        Long actor = viewer.user().value();
        return changer.change(id, viewer, null, (ticket, now) -> {
            ticket.record(now, actor, ChangeKind.NOTE, null, null, text);
            changer.publish(TicketNews.of(ticket, TicketNews.Kind.NOTED, actor, now));
        });
    }

    /**
     * Gives the ticket to a member of its tier, or back to the tier's queue ({@code assignee} {@code null}). Agents
     * take tickets for themselves and give back their own; supervisors and admins assign anyone in the tier.
     *
     * @throws InvalidTicketException the assignee is not a member of the ticket's tier
     */
    public Ticket assign(TicketId id, UserId assignee, String reason, Viewer viewer) {
        String why = TicketText.optional("reason", reason, MAX_REASON);
        return changer.change(id, viewer, null, (ticket, now) -> {
            boolean manager = viewer.role() == Role.SUPERVISOR || viewer.role() == Role.ADMIN;
            boolean takes = viewer.user().equals(assignee);
            boolean givesBack = assignee == null
                    && Objects.equals(ticket.assigneeId, viewer.user().value());
            if (!manager && !takes && !givesBack) {
                throw new TicketAccessDeniedException(id);
            }
            if (assignee == null) {
                ticket.assign(null, null, now, viewer.user().value(), why);
            } else {
                Assignments.Member member = tiers.member(ticket.tier, assignee);
                ticket.assign(member.id(), member.username(), now, viewer.user().value(), why);
            }
        });
    }

    /** Links a call by the PBX's call id; the call may still be in progress (its activity comes when it ends). */
    public Ticket linkCall(TicketId id, String callId, Viewer viewer) {
        String call = TicketText.required("callId", callId, 128);
        return changer.change(
                id,
                viewer,
                null,
                (ticket, now) -> ticket.linkCall(call, now, viewer.user().value()));
    }

    /**
     * Links the call an activity records.
     *
     * @throws ActivityNotFoundException no such activity, or one the viewer may not see
     */
    public Ticket linkActivity(TicketId id, ActivityId activity, Viewer viewer) {
        String callId = activities
                .find(activity, viewer)
                .orElseThrow(() -> new ActivityNotFoundException(activity))
                .callId();
        return linkCall(id, callId, viewer);
    }
}
