package io.switchboard.api;

import io.switchboard.directory.Viewer;
import io.switchboard.queue.QueueIntervals;
import io.switchboard.queue.ReportStep;
import io.switchboard.report.CallHistory;
import io.switchboard.report.CallHistoryCsv;
import io.switchboard.report.CallHistoryFilter;
import io.switchboard.reportmail.ReportCsv;
import io.switchboard.reportmail.ReportKind;
import io.switchboard.reportmail.ReportPeriod;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The reports' CSV exports for scheduled report mails: the call history's filters checked by the page's rules and
 * written by {@link CallHistoryCsv} as the subscriber sees them, the interval report by the export's own writer.
 */
@Component
class ReportExports implements ReportCsv {

    private static final Set<String> CALL_FILTERS = Set.of(
            "direction",
            "queue",
            "agent",
            "outcome",
            "disposition",
            "number",
            "waitOver",
            "talkOver",
            "transferred",
            "sort",
            "order");
    private static final Set<String> INTERVAL_FILTERS = Set.of("step", "queue");

    private final CallHistory history;
    private final QueueIntervals intervals;

    ReportExports(CallHistory history, QueueIntervals intervals) {
        this.history = history;
        this.intervals = intervals;
    }

    @Override
    public void check(ReportKind report, Map<String, String> filter) {
        Set<String> known = report == ReportKind.CALLS ? CALL_FILTERS : INTERVAL_FILTERS;
        for (String name : filter.keySet()) {
            if (!known.contains(name)) {
                throw InvalidRequestException.of(
                        "filter." + name, "is not a filter of this report (it takes " + String.join(", ", known) + ")");
            }
        }
        try {
            if (report == ReportKind.CALLS) {
                callFilter(filter, null, null).toFilter();
            } else {
                ReportParameters.choice("step", filter.get("step"), ReportStep.class);
            }
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.errors().stream()
                    .map(error -> new ApiProblems.FieldMessage("filter." + error.field(), error.message()))
                    .toList());
        }
    }

    @Override
    public void write(ReportKind report, Map<String, String> filter, ReportPeriod period, Viewer viewer, Writer out)
            throws IOException {
        if (report == ReportKind.CALLS) {
            String from = period.first().atStartOfDay(period.zone()).toInstant().toString();
            String to = period.last()
                    .plusDays(1)
                    .atStartOfDay(period.zone())
                    .toInstant()
                    .toString();
            CallHistoryFilter checked = callFilter(filter, from, to).toFilter();
            CallHistoryCsv csv = CallHistoryCsv.to(out);
            history.each(checked, viewer, csv::write);
            csv.flush();
        } else {
            ReportStep step = ReportParameters.choice("step", filter.get("step"), ReportStep.class);
            IntervalReportController.writeCsv(
                    intervals.report(
                            period.first(),
                            period.last(),
                            step == null ? ReportStep.HOUR : step,
                            ReportParameters.text(filter.get("queue"))),
                    out);
        }
    }

    private static CallHistoryController.Filter callFilter(Map<String, String> filter, String from, String to) {
        return new CallHistoryController.Filter(
                from,
                to,
                filter.get("direction"),
                filter.get("queue"),
                filter.get("agent"),
                filter.get("outcome"),
                filter.get("disposition"),
                filter.get("number"),
                filter.get("waitOver"),
                filter.get("talkOver"),
                filter.get("transferred"),
                filter.get("sort"),
                filter.get("order"));
    }

    static List<String> callFilters() {
        return List.copyOf(CALL_FILTERS);
    }
}
