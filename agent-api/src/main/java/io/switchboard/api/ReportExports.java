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
import io.switchboard.sessions.AgentSessions;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The reports' CSV exports for scheduled report mails: the call history's filters checked by the page's rules and
 * written by {@link CallHistoryCsv} as the subscriber sees them, the interval report and agent sessions by their
 * exports' own writers.
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
    private static final Set<String> SESSION_FILTERS = Set.of("agent");

    private final CallHistory history;
    private final QueueIntervals intervals;
    private final AgentSessions sessions;

    ReportExports(CallHistory history, QueueIntervals intervals, AgentSessions sessions) {
        this.history = history;
        this.intervals = intervals;
        this.sessions = sessions;
    }

    @Override
    public void check(ReportKind report, Map<String, String> filter) {
        Set<String> known = switch (report) {
            case CALLS -> CALL_FILTERS;
            case INTERVALS -> INTERVAL_FILTERS;
            case AGENT_SESSIONS -> SESSION_FILTERS;
        };
        for (String name : filter.keySet()) {
            if (!known.contains(name)) {
                throw InvalidRequestException.of(
                        "filter." + name, "is not a filter of this report (it takes " + String.join(", ", known) + ")");
            }
        }
        try {
            switch (report) {
                case CALLS -> callFilter(filter, null, null).toFilter();
                case INTERVALS -> ReportParameters.choice("step", filter.get("step"), ReportStep.class);
                case AGENT_SESSIONS -> agent(filter);
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
        } else if (report == ReportKind.AGENT_SESSIONS) {
            AgentSessions.writeCsv(sessions.report(period.first(), period.last(), agent(filter), viewer), out);
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

    /** As the agent sessions page checks it: an extension, or none for every agent the subscriber sees. */
    private static String agent(Map<String, String> filter) {
        String extension = ReportParameters.text(filter.get("agent"));
        if (extension != null && !extension.matches("[0-9A-Za-z_.@-]{1,32}")) {
            throw InvalidRequestException.of("agent", "must be an agent's extension");
        }
        return extension;
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
}
