package io.switchboard.ticket;

import io.switchboard.directory.Viewer;
import java.util.Comparator;
import java.util.Optional;

/**
 * Sends a ticket back down the escalation order by hand, with a reason: the higher tier found that the lower one can
 * finish it (a known fix, a customer-side task). The ticket's SLA clocks keep running as they are; a ticket arriving
 * unassigned in the lower tier's queue is news for its members ({@link TicketNews.Kind#QUEUED}), one given to a
 * member is news for them ({@link TicketNews.Kind#DE_ESCALATED}).
 */
public class DeEscalations {

    private static final int MAX_REASON = 2_000;

    private final TicketChanger changer;
    private final SupportTiers tiers;

    DeEscalations(TicketChanger changer, SupportTiers tiers) {
        this.changer = changer;
        this.tiers = tiers;
    }

    /**
     * @throws InvalidTicketException no reason, the ticket is resolved or closed, already in the first tier, a tier
     *     that is not below the ticket's, an inactive or unknown tier, an assignee who is not a member of it
     * @throws TicketNotFoundException no such ticket, or one the viewer may not see
     * @throws TicketAccessDeniedException the viewer sees it but may not work on it
     */
    public Ticket deEscalate(TicketId id, DeEscalationRequest request, Viewer viewer) {
        String reason = TicketText.required("reason", request.reason(), MAX_REASON);
        if (request.tier() != null) {
            tiers.tier(request.tier());
        }
        Long actor = viewer.user().value();
        return changer.change(id, viewer, null, (ticket, now) -> {
            if (!ticket.status.isActive()) {
                throw new InvalidTicketException("status", "a " + ticket.status + " ticket is not sent back");
            }
            Tier from = tiers.tier(ticket.tier);
            Tier to = request.tier() == null ? below(from) : lower(from, tiers.tier(request.tier()));
            Optional<Assignments.Member> assignee = request.assignee() == null
                    ? new Assignments(tiers).pick(to.name())
                    : Optional.of(tiers.member(to.name(), request.assignee()));
            ticket.moveTier(to.name(), ChangeKind.DE_ESCALATED, now, actor, reason);
            ticket.assign(
                    assignee.map(Assignments.Member::id).orElse(null),
                    assignee.map(Assignments.Member::username).orElse(null),
                    now,
                    actor,
                    "sent back to " + to.name());
            TicketNews.Kind kind = ticket.assigneeId == null ? TicketNews.Kind.QUEUED : TicketNews.Kind.DE_ESCALATED;
            changer.publish(TicketNews.of(ticket, kind, actor, now));
        });
    }

    /** The nearest active tier below {@code from}. */
    private Tier below(Tier from) {
        return tiers.all().stream()
                .filter(tier -> tier.active() && tier.level() < from.level())
                .max(Comparator.comparingInt(Tier::level))
                .orElseThrow(() -> new InvalidTicketException(
                        "tier", from.name() + " is the first tier: there is no tier below it"));
    }

    private static Tier lower(Tier from, Tier to) {
        if (to.level() >= from.level()) {
            throw new InvalidTicketException(
                    "tier", to.name() + " is not below " + from.name() + ": escalate to send a ticket up");
        }
        if (!to.active()) {
            throw new InvalidTicketException("tier", to.name() + " is deactivated and takes no tickets");
        }
        return to;
    }
}
