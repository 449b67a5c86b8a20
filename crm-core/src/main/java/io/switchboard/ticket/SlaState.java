package io.switchboard.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one SLA clock of a ticket stands.
 *
 * @param target how much business time the policy allows
 * @param dueAt when it breaches if nothing changes; {@code null} while paused or once met
 * @param left business time left, negative once overdue; while paused, what was left when it paused
 * @param paused the ticket is pending the customer
 * @param metAt when the promise was kept (or the ticket resolved); {@code null} while it runs
 * @param warnedAt when the warning was acted on; {@code null} if not (yet)
 * @param breachedAt when the breach was acted on; {@code null} if not (yet)
 */
public record SlaState(
        SlaTarget kind,
        Duration target,
        Instant dueAt,
        Duration left,
        boolean paused,
        Instant metAt,
        Instant warnedAt,
        Instant breachedAt) {

    public boolean isMet() {
        return metAt != null;
    }

    /** Not met, and no time left: due now or past due. */
    public boolean isOverdue() {
        return metAt == null && (left.isNegative() || left.isZero());
    }
}
