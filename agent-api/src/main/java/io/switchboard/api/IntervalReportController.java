package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.queue.IntervalFigures;
import io.switchboard.queue.IntervalReport;
import io.switchboard.queue.QueueIntervals;
import io.switchboard.queue.QueueReport;
import io.switchboard.queue.ReportStep;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Interval reports per queue: the wallboard's figures for a date range, cut into intervals, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class IntervalReportController {

    private final QueueIntervals intervals;

    IntervalReportController(QueueIntervals intervals) {
        this.intervals = intervals;
    }

    /**
     * The days {@code from} to {@code to} (both included, ISO dates in the centre's zone, at most 366 days; today
     * and {@code from} when left out), cut by
     * {@code step} ({@code quarter-hour}, {@code hour} (the default), {@code day} or {@code week}; at most 3,000
     * intervals), for
     * one {@code queue} or every queue with calls.
     */
    @GetMapping("/intervals")
    IntervalReport report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String queue) {
        return read(from, to, step, queue);
    }

    /** The same report as CSV: one line per queue and interval, the measures as columns. */
    @GetMapping(path = "/intervals.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String queue,
            HttpServletResponse response)
            throws IOException {
        IntervalReport report = read(from, to, step, queue);
        writeCsv(report, ReportDays.csvDownload(response, "intervals.csv"));
    }

    /** The report as the export's CSV (also what scheduled report mails attach). */
    static void writeCsv(IntervalReport report, Writer out) throws IOException {
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(
                out,
                "queue",
                "start",
                "end",
                "offered",
                "answered",
                "abandoned",
                "short_abandons",
                "abandon_rate",
                "service_level",
                "service_level_formula",
                "average_wait_seconds",
                "p90_wait_seconds",
                "average_talk_seconds",
                "average_handle_seconds",
                "longest_wait_seconds",
                "answered_by_agent");
        for (QueueReport queueReport : report.queues()) {
            for (IntervalFigures figures : queueReport.intervals()) {
                csv.row(
                        queueReport.label(),
                        figures.start().toString(),
                        figures.end().toString(),
                        figures.offered(),
                        figures.answered(),
                        figures.abandoned(),
                        figures.shortAbandons(),
                        figures.abandonRate(),
                        figures.serviceLevel(),
                        queueReport.serviceLevelFormula(),
                        figures.averageWaitSeconds(),
                        figures.p90WaitSeconds(),
                        figures.averageTalkSeconds(),
                        figures.averageHandleSeconds(),
                        figures.longestWaitSeconds(),
                        agents(figures.answeredByAgent()));
            }
        }
        csv.flush();
    }

    /** {@code 2001:12 2002:9}: one cell, so the file keeps one line per interval whatever the agents. */
    private static String agents(Map<String, Long> byAgent) {
        return byAgent.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(" "));
    }

    private IntervalReport read(String from, String to, String step, String queue) {
        ReportDays days = ReportDays.of(from, to, intervals.today(), QueueIntervals.MAX_DAYS);
        LocalDate first = days.first();
        LocalDate last = days.last();
        ReportStep cut = ReportParameters.choice("step", step, ReportStep.class);
        cut = cut == null ? ReportStep.HOUR : cut;
        if (intervals.intervals(first, last, cut) > QueueIntervals.MAX_INTERVALS) {
            throw InvalidRequestException.of(
                    "step",
                    "cuts the range into more than " + QueueIntervals.MAX_INTERVALS
                            + " intervals: choose a longer one");
        }
        return intervals.report(first, last, cut, ReportParameters.text(queue));
    }
}
