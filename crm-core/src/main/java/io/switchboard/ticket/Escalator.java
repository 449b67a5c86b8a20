package io.switchboard.ticket;

import io.switchboard.directory.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Escalates one locked ticket: moves it to a tier, assigns it there, records why, and says whom to tell. Also
 * decides what the SLA clocks of a ticket call for at a given moment (the scheduler's part).
 */
final class Escalator {

    private final SupportTiers tiers;
    private final SlaPolicies policies;
    private final TicketMetrics metrics;

    Escalator(SupportTiers tiers, SlaPolicies policies, TicketMetrics metrics) {
        this.tiers = tiers;
        this.policies = policies;
        this.metrics = metrics;
    }

    /** Moves the ticket to {@code to}, gives it to {@code assignee} (or the tier's queue) and records why. */
    EscalationNotice escalate(
            TicketState ticket,
            Tier to,
            Optional<Assignments.Member> assignee,
            EscalationKind kind,
            String reason,
            Long actor,
            Instant now,
            EscalationNotifications.Recipients recipients) {
        String from = ticket.tier;
        ticket.moveTier(to.name(), historyKind(kind, true), now, actor, reason);
        underTheTiersPolicy(ticket, to, now);
        ticket.assign(
                assignee.map(Assignments.Member::id).orElse(null),
                assignee.map(Assignments.Member::username).orElse(null),
                now,
                actor,
                "escalated to " + to.name());
        metrics.escalated(kind, to.name());
        return notice(ticket, from, kind, reason, now, recipients);
    }

    /**
     * A tier with an SLA policy of its own takes the ticket under it: the clocks start over with its targets (the
     * ticket's promise is now that tier's). An account's own policy still comes first, and a tier without a policy
     * leaves the clocks running as they were.
     */
    private void underTheTiersPolicy(TicketState ticket, Tier to, Instant now) {
        if (to.sla() == null) {
            return;
        }
        SlaPolicies.Policy policy = policies.select(ticket.priority, ticket.accountName, to);
        if (!policy.name().equals(ticket.slaPolicy)) {
            ticket.restartClocks(
                    policy, now, new TicketState.Sla(policies.calendar(policy.calendar()), policies.warningPercent()));
        }
    }

    /**
     * Acts on the ticket's clocks that reached their warning or breach by {@code now}: one escalation to the next
     * tier however many clocks are due (two clocks running out together must not skip a tier), or, in the last
     * tier, a history entry and a notice. Every due moment is marked done, also a warning overtaken by its breach
     * while the scheduler was down, so that nothing is acted on twice.
     *
     * @return the notice to send, empty when nothing was due
     */
    Optional<EscalationNotice> onDue(
            TicketState ticket, Instant now, Assignments assignments, EscalationNotifications.Recipients recipients) {
        List<String> reasons = new ArrayList<>();
        boolean breach = false;
        for (SlaClock clock : ticket.clocks()) {
            if (clock.breachDue(now)) {
                reasons.add(describe(clock, true));
                clock.markBreached(now);
                breach = true;
            } else if (clock.warningDue(now)) {
                reasons.add(describe(clock, false));
                clock.markWarned(now);
            }
        }
        if (reasons.isEmpty() || !ticket.status.isActive()) {
            return Optional.empty();
        }
        EscalationKind kind = breach ? EscalationKind.BREACH : EscalationKind.WARNING;
        String reason = String.join("; ", reasons);
        Optional<Tier> next = tiers.next(ticket.tier);
        if (next.isPresent()) {
            return Optional.of(escalate(
                    ticket, next.get(), assignments.pick(next.get().name()), kind, reason, null, now, recipients));
        }
        ticket.record(now, null, historyKind(kind, false), ticket.tier, ticket.tier, reason + "; no tier above");
        metrics.escalated(kind, ticket.tier);
        return Optional.of(notice(ticket, ticket.tier, kind, reason, now, recipients));
    }

    private static EscalationNotice notice(
            TicketState ticket,
            String from,
            EscalationKind kind,
            String reason,
            Instant now,
            EscalationNotifications.Recipients recipients) {
        return new EscalationNotice(
                new TicketId(ticket.id),
                ticket.subject,
                ticket.priority,
                kind,
                from,
                ticket.tier,
                ticket.assigneeId == null ? null : new UserId(ticket.assigneeId),
                reason,
                now,
                recipients.of(ticket.tier, ticket.assigneeId));
    }

    private static ChangeKind historyKind(EscalationKind kind, boolean moved) {
        return switch (kind) {
            case MANUAL -> ChangeKind.ESCALATED_MANUALLY;
            case WARNING -> moved ? ChangeKind.ESCALATED_ON_WARNING : ChangeKind.SLA_WARNING;
            case BREACH -> moved ? ChangeKind.ESCALATED_ON_BREACH : ChangeKind.SLA_BREACH;
        };
    }

    /** {@code resolution target of 8h breached (due 2026-06-03T15:00:00Z)}. */
    private static String describe(SlaClock clock, boolean breach) {
        String target = clock.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " target of "
                + hours(Duration.ofSeconds(clock.targetSeconds));
        return breach
                ? target + " breached (due " + clock.dueAt + ")"
                : target + " reached its warning threshold (due " + clock.dueAt + ")";
    }

    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes >= 60 ? minutes / 60 + "h" + minutes % 60 + "m" : minutes + "m";
    }
}
