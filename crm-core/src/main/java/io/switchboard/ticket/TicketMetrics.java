package io.switchboard.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tickets opened, escalations by kind, scheduler pass time and overdue tickets. Tags are low-cardinality: priority,
 * kind and tier name (a handful of configured tiers), never ticket ids.
 */
final class TicketMetrics {

    private final MeterRegistry registry;
    private final Timer pass;
    private final Counter notificationFailures;
    private final AtomicLong overdue = new AtomicLong();

    TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pass = Timer.builder("switchboard.tickets.scheduler.pass")
                .description("Time of one escalation scheduler pass (finding, locking and escalating due tickets)")
                .register(registry);
        this.notificationFailures = Counter.builder("switchboard.tickets.notifications.failures")
                .description("Escalation notifiers that threw")
                .register(registry);
        registry.gauge("switchboard.tickets.overdue", overdue);
    }

    void opened(TicketPriority priority) {
        registry.counter(
                        "switchboard.tickets.opened",
                        "priority",
                        priority.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    void escalated(EscalationKind kind, String tier) {
        registry.counter("switchboard.tickets.escalations", "kind", kind.name().toLowerCase(Locale.ROOT), "tier", tier)
                .increment();
    }

    void passed(long nanos) {
        pass.record(nanos, TimeUnit.NANOSECONDS);
    }

    void overdue(long tickets) {
        overdue.set(tickets);
    }

    void notificationFailed() {
        notificationFailures.increment();
    }
}
