package io.switchboard.queue;

import static io.switchboard.jdbc.JdbcTime.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Counts a report from the activities themselves: per interval, queue, outcome and second waited a count and the
 * talk (a histogram), read through the covering index {@code activities_report_ix}. The work grows with the calls
 * in the range; what the reports use while the rollup is not built yet, or for a zone whose intervals do not fall on
 * quarter hours, and what the rollup is held to in the tests.
 */
final class ActivityCounts {

    private final NamedParameterJdbcTemplate jdbc;

    ActivityCounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void count(IntervalTally tally, String queue) {
        List<Instant> bounds = tally.bounds;
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
        jdbc.query(
                "select " + interval + " as n, a.queue, a.outcome, a.wait_seconds, count(*) as calls,"
                        + " sum(a.talk_seconds) as talk" + where + " group by 1, a.queue, a.outcome, a.wait_seconds",
                parameters,
                rs -> {
                    QueueDay day = tally.day(rs.getString("queue"), rs.getInt("n"));
                    String outcome = rs.getString("outcome");
                    // as the wallboard's rebuild: talk counts for answered calls only
                    day.add(
                            outcome,
                            rs.getLong("wait_seconds"),
                            rs.getLong("calls"),
                            "ANSWERED".equals(outcome) ? rs.getLong("talk") : 0);
                });
        jdbc.query(
                "select " + interval + " as n, a.queue, a.agent_extension, count(*) as calls" + where
                        + " and a.outcome = 'ANSWERED' and a.agent_extension is not null"
                        + " group by 1, a.queue, a.agent_extension",
                parameters,
                rs -> {
                    tally.answered(
                            rs.getString("queue"),
                            rs.getInt("n"),
                            rs.getString("agent_extension"),
                            rs.getLong("calls"));
                });
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
}
