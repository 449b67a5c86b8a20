package io.switchboard.queue;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** How an interval report cuts its date range: quarter hours, hours, days or ISO weeks (Monday to Sunday). */
public enum ReportStep {
    QUARTER_HOUR,
    HOUR,
    DAY,
    WEEK;

    /** The first boundary after {@code at}, in the report's zone (days and weeks follow summer time changes). */
    ZonedDateTime next(ZonedDateTime at) {
        return switch (this) {
            case QUARTER_HOUR -> at.truncatedTo(ChronoUnit.HOURS).plusMinutes((at.getMinute() / 15 + 1) * 15L);
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            case DAY -> at.toLocalDate().plusDays(1).atStartOfDay(at.getZone());
            case WEEK ->
                at.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(at.getZone());
        };
    }
}
