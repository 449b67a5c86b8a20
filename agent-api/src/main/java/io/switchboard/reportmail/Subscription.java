package io.switchboard.reportmail;

import io.switchboard.directory.UserId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

/**
 * A subscription to a report mailed as CSV.
 *
 * @param id the subscription's number
 * @param subscriber whose view of the data the report is computed with
 * @param at the time of day it is sent, in the reports' zone
 * @param weekday the day a weekly report is sent on; {@code null} for a daily one
 * @param email where it is sent
 * @param filter the report's filters, as the page's parameters ({@code queue}, {@code outcome}, {@code step}, ...)
 * @param nextRunAt when it is next sent (or retried after a failure)
 * @param lastSentAt when it was last sent; {@code null} before the first time
 * @param failures failed attempts since the last one that went out
 * @param lastError why the last attempt failed, if it did
 */
public record Subscription(
        long id,
        UserId subscriber,
        ReportKind report,
        Frequency frequency,
        LocalTime at,
        DayOfWeek weekday,
        String email,
        Map<String, String> filter,
        Instant nextRunAt,
        Instant lastSentAt,
        int failures,
        String lastError) {}
