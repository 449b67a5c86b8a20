package io.switchboard.reportmail;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a mailed report covers: the day before it is sent (daily), or the seven days before (weekly), in the
 * reports' zone.
 *
 * @param first the first day, included
 * @param last the last day, included
 */
public record ReportPeriod(LocalDate first, LocalDate last, ZoneId zone) {

    static ReportPeriod before(LocalDate sendDay, Frequency frequency, ZoneId zone) {
        return new ReportPeriod(sendDay.minusDays(frequency == Frequency.WEEKLY ? 7 : 1), sendDay.minusDays(1), zone);
    }
}
