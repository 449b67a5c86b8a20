package io.switchboard.queue;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Interval reports per queue, read from the stored activities and counted by {@link QueueDay}, the class the
 * wallboard's today figures come from: both say the same of the same day.
 *
 * <p>The database does the heavy part: per interval, queue, outcome and seconds waited it returns a count and the
 * talk time (a histogram, a few hundred rows per queue and day whatever the calls), read through the covering index
 * {@code activities_report_ix} without touching the table. The intervals' boundaries are computed here in the
 * centre's zone (days and weeks follow summer time changes) and sent as a tree of comparisons, which every database
 * runs alike.
 */
public final class QueueIntervals {

    /** The longest range a report covers, and the most intervals it cuts it into. */
    public static final int MAX_DAYS = 366;

    public static final int MAX_INTERVALS = 3_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final QueueProperties properties;
    private final Function<String, QueueRules> rules;

    public QueueIntervals(
            NamedParameterJdbcTemplate jdbc, QueueProperties properties, Function<String, QueueRules> rules) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.rules = rules;
    }

    /** Today in the centre's zone: the range a report covers when none is given. */
    public LocalDate today() {
        return LocalDate.now(properties.zone());
    }

    /** How many intervals {@code step} cuts the range into (callers check it against {@link #MAX_INTERVALS}). */
    public int intervals(LocalDate from, LocalDate to, ReportStep step) {
        return boundaries(from, to, step).size() - 1;
    }

    /**
     * @param queue one queue, or {@code null} for every queue that had calls in the range
     */
    public IntervalReport report(LocalDate from, LocalDate to, ReportStep step, String queue) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the range must be 1 to " + MAX_DAYS + " days");
        }
        List<Instant> bounds = boundaries(from, to, step);
        if (bounds.size() - 1 > MAX_INTERVALS) {
            throw new IllegalArgumentException("at most " + MAX_INTERVALS + " intervals");
        }
        Map<String, Object> parameters = new HashMap<>();
        String interval = intervalOf(bounds, 0, bounds.size() - 1, parameters);
        parameters.put("from", timestamp(bounds.get(0)));
        parameters.put("to", timestamp(bounds.get(bounds.size() - 1)));
        String queueCondition = "";
        if (queue != null) {
            queueCondition = " and a.queue = :queue";
            parameters.put("queue", queue);
        }
        String where = " from activities a where a.queue is not null and a.started_at >= :from"
                + " and a.started_at < :to" + queueCondition;
        Map<String, QueueDay[]> days = new TreeMap<>();
        int count = bounds.size() - 1;
        jdbc.query(
                "select " + interval + " as n, a.queue, a.outcome, a.wait_seconds, count(*) as calls,"
                        + " sum(a.talk_seconds) as talk" + where + " group by 1, a.queue, a.outcome, a.wait_seconds",
                parameters,
                rs -> {
                    QueueDay day = dayOf(days, rs.getString("queue"), rs.getInt("n"), count);
                    String outcome = rs.getString("outcome");
                    // as the wallboard's rebuild: talk counts for answered calls only
                    day.add(
                            outcome,
                            rs.getLong("wait_seconds"),
                            rs.getLong("calls"),
                            "ANSWERED".equals(outcome) ? rs.getLong("talk") : 0);
                });
        Map<String, Map<Integer, Map<String, Long>>> agents = new HashMap<>();
        jdbc.query(
                "select " + interval + " as n, a.queue, a.agent_extension, count(*) as calls" + where
                        + " and a.outcome = 'ANSWERED' and a.agent_extension is not null"
                        + " group by 1, a.queue, a.agent_extension",
                parameters,
                rs -> {
                    agents.computeIfAbsent(rs.getString("queue"), name -> new HashMap<>())
                            .computeIfAbsent(rs.getInt("n"), n -> new TreeMap<>())
                            .put(rs.getString("agent_extension"), rs.getLong("calls"));
                });
        List<QueueReport> reports = new ArrayList<>();
        days.forEach((name, perInterval) ->
                reports.add(queueReport(name, perInterval, bounds, agents.getOrDefault(name, Map.of()))));
        return new IntervalReport(from, to, step, properties.zone(), reports);
    }

    private QueueReport queueReport(
            String queue, QueueDay[] perInterval, List<Instant> bounds, Map<Integer, Map<String, Long>> agents) {
        QueueRules own = rules.apply(queue);
        long wrapUp = own.wrapUp().toSeconds();
        List<IntervalFigures> intervals = new ArrayList<>(perInterval.length);
        QueueDay whole = new QueueDay();
        Map<String, Long> wholeAgents = new TreeMap<>();
        for (int n = 0; n < perInterval.length; n++) {
            QueueDay day = perInterval[n] == null ? new QueueDay() : perInterval[n];
            whole.addAll(day);
            Map<String, Long> byAgent = agents.getOrDefault(n, Map.of());
            byAgent.forEach((agent, calls) -> wholeAgents.merge(agent, calls, Long::sum));
            intervals.add(figures(day, bounds.get(n), bounds.get(n + 1), own, wrapUp, byAgent));
        }
        IntervalFigures total = figures(whole, bounds.get(0), bounds.get(bounds.size() - 1), own, wrapUp, wholeAgents);
        return new QueueReport(
                queue,
                own.serviceLevelSeconds(),
                properties.serviceLevelFormula(own.serviceLevelSeconds()),
                "average talk + the queue's wrap-up time (" + wrapUp + " s)",
                total,
                intervals);
    }

    private IntervalFigures figures(
            QueueDay day, Instant start, Instant end, QueueRules own, long wrapUp, Map<String, Long> byAgent) {
        int threshold = own.serviceLevelSeconds();
        Double talk = day.averageTalk();
        return new IntervalFigures(
                start,
                end,
                day.offered,
                day.answered,
                day.abandoned,
                day.shortAbandons(threshold),
                day.abandonRate(),
                day.serviceLevel(threshold, properties.shortAbandons()),
                day.averageWait(),
                day.p90Wait(),
                talk,
                talk == null ? null : talk + wrapUp,
                day.longestWait,
                Map.copyOf(byAgent));
    }

    private static QueueDay dayOf(Map<String, QueueDay[]> days, String queue, int n, int count) {
        QueueDay[] perInterval = days.computeIfAbsent(queue, name -> new QueueDay[count]);
        if (perInterval[n] == null) {
            perInterval[n] = new QueueDay();
        }
        return perInterval[n];
    }

    /**
     * Which interval a call's start falls in, as SQL: a balanced tree of comparisons with the boundaries (about
     * log2(intervals) of them per call, where a list of ranges would cost one per interval), correct for days of 23
     * or 25 hours, and plain SQL every database runs.
     *
     * @param first the first interval of this subtree
     * @param end one past its last
     */
    private static String intervalOf(List<Instant> bounds, int first, int end, Map<String, Object> parameters) {
        if (end - first == 1) {
            return Integer.toString(first);
        }
        int middle = (first + end) / 2;
        parameters.put("b" + middle, timestamp(bounds.get(middle)));
        return "case when a.started_at < :b" + middle + " then " + intervalOf(bounds, first, middle, parameters)
                + " else " + intervalOf(bounds, middle, end, parameters) + " end";
    }

    private List<Instant> boundaries(LocalDate from, LocalDate to, ReportStep step) {
        ZonedDateTime end = to.plusDays(1).atStartOfDay(properties.zone());
        List<Instant> bounds = new ArrayList<>();
        ZonedDateTime at = from.atStartOfDay(properties.zone());
        while (at.isBefore(end) && bounds.size() <= MAX_INTERVALS) {
            bounds.add(at.toInstant());
            ZonedDateTime next = step.next(at);
            at = next.isAfter(end) ? end : next;
        }
        bounds.add(end.toInstant());
        return bounds;
    }
}
