package io.switchboard.ticket;

import java.time.Duration;

/**
 * A tier's own SLA policy, as the priority policies are made: targets in business time of a configured calendar.
 *
 * @param nextUpdate {@code null}: no promise of regular updates
 * @param calendar the name of a business calendar of {@code switchboard.tickets.calendars} ({@code default} unless
 *     configured otherwise)
 */
public record TierSla(Duration firstResponse, Duration nextUpdate, Duration resolution, String calendar) {

    public TierSla {
        require(firstResponse, "firstResponse");
        require(resolution, "resolution");
        if (nextUpdate != null && !positive(nextUpdate)) {
            throw new InvalidTicketException("sla.nextUpdate", "must be a positive duration");
        }
        calendar = calendar == null || calendar.isBlank() ? "default" : calendar.strip();
    }

    private static void require(Duration value, String field) {
        if (value == null || !positive(value)) {
            throw new InvalidTicketException("sla." + field, "must be a positive duration, e.g. PT4H");
        }
    }

    private static boolean positive(Duration value) {
        return !value.isNegative() && !value.isZero();
    }
}
