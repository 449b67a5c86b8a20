package io.switchboard.ticket;

import io.switchboard.directory.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation between support tiers: by hand with a reason, and automatically when an SLA target reaches its warning
 * threshold or breaches ({@link #runDue}, which the scheduler calls on every node). Each escalation reassigns the
 * ticket in the new tier, records why in the history and tells the tier's members and their supervisors through
 * the {@link EscalationNotifier}s once it is committed.
 */
public class Escalations {

    private static final int MAX_REASON = 2_000;
    private static final int MAX_BATCHES_PER_PASS = 10_000;

    private final TicketStore store;
    private final TicketChanger changer;
    private final SupportTiers tiers;
    private final Escalator escalator;
    private final EscalationNotifications notifications;
    private final TransactionTemplate transactions;
    private final TicketMetrics metrics;
    private final int batchSize;

    Escalations(
            TicketStore store,
            TicketChanger changer,
            SupportTiers tiers,
            Escalator escalator,
            EscalationNotifications notifications,
            TransactionTemplate transactions,
            TicketMetrics metrics,
            int batchSize) {
        this.store = store;
        this.changer = changer;
        this.tiers = tiers;
        this.escalator = escalator;
        this.notifications = notifications;
        this.transactions = transactions;
        this.metrics = metrics;
        this.batchSize = batchSize;
    }

    /**
     * Escalates by hand: to the named tier (any other than the ticket's), else to the next one; to the named member
     * there, else by the tier's rule.
     *
     * @throws InvalidTicketException no reason, the ticket is resolved or closed, already in the last tier, an
     *     unknown tier, an assignee who is not a member of it
     * @throws TicketNotFoundException no such ticket, or one the viewer may not see
     * @throws TicketAccessDeniedException the viewer sees it but may not work on it
     */
    public Ticket escalate(TicketId id, EscalationRequest request, Viewer viewer) {
        String reason = TicketText.required("reason", request.reason(), MAX_REASON);
        if (request.tier() != null) {
            tiers.tier(request.tier());
        }
        return changer.change(id, viewer, null, (state, now) -> {
            if (!state.status.isActive()) {
                throw new InvalidTicketException("status", "a " + state.status + " ticket is not escalated");
            }
            Tier to = request.tier() != null
                    ? tiers.tier(request.tier())
                    : tiers.next(state.tier)
                            .orElseThrow(() -> new InvalidTicketException(
                                    "tier", state.tier + " is the last tier; name the tier to send it to"));
            if (to.name().equals(state.tier)) {
                throw new InvalidTicketException("tier", "the ticket is in " + to.name() + " already");
            }
            Optional<Assignments.Member> assignee = request.assignee() == null
                    ? new Assignments(tiers).pick(to.name())
                    : Optional.of(tiers.member(to.name(), request.assignee()));
            // sent once the change commits
            notifications.send(List.of(escalator.escalate(
                    state,
                    to,
                    assignee,
                    EscalationKind.MANUAL,
                    reason,
                    viewer.user().value(),
                    now,
                    notifications.recipients())));
        });
    }

    /**
     * One scheduler pass: locks the tickets whose next warning or breach has come, batch by batch, skipping those
     * another node holds, and escalates each once. Run after downtime, it catches up: a ticket whose warning and
     * breach both passed meanwhile escalates once, on the breach.
     */
    public EscalationPass runDue() {
        long started = System.nanoTime();
        Instant now = changer.now();
        int checked = 0;
        int warnings = 0;
        int breaches = 0;
        // a ticket escalated in this pass is never due again by the same 'now'; the bound only guards against a bug
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            List<EscalationNotice> notices = new ArrayList<>();
            Integer locked = transactions.execute(status -> {
                List<TicketState> due = store.load(store.lockDue(now, batchSize));
                Assignments assignments = new Assignments(tiers);
                EscalationNotifications.Recipients recipients = notifications.recipients();
                for (TicketState ticket : due) {
                    escalator.onDue(ticket, now, assignments, recipients).ifPresent(notices::add);
                    ticket.refreshNextCheck();
                }
                store.save(due);
                return due.size();
            });
            notifications.send(notices);
            checked += locked;
            for (EscalationNotice notice : notices) {
                if (notice.kind() == EscalationKind.BREACH) {
                    breaches++;
                } else {
                    warnings++;
                }
            }
            if (locked < batchSize) {
                break;
            }
        }
        metrics.overdue(store.overdue());
        long took = System.nanoTime() - started;
        metrics.passed(took);
        return new EscalationPass(checked, warnings, breaches, Duration.ofNanos(took));
    }
}
