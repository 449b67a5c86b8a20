package io.switchboard.queue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** An interval report: the date range (both days included) in the centre's zone, cut by {@code step}, per queue. */
public record IntervalReport(LocalDate from, LocalDate to, ReportStep step, ZoneId zone, List<QueueReport> queues) {}
