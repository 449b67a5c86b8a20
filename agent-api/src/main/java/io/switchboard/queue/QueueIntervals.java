package io.switchboard.queue;

import io.switchboard.report.QueueRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Interval reports per queue, counted by {@link QueueDay}, the class the wallboard's today figures come from: both
 * say the same of the same day.
 *
 * <p>The counts come from the rollup ({@link RollupCounts}: a row per queue and quarter hour with exact histograms
 * of the waits, kept as calls end), so a month costs the same whatever the calls; while the rollup is being built
 * at the first start, or for a zone whose intervals do not fall on quarter hours, from the activities themselves
 * ({@link ActivityCounts}). The intervals' boundaries are computed here in the centre's zone (days and weeks follow
 * summer time changes).
 */
public final class QueueIntervals {

    /** The longest range a report covers, and the most intervals it cuts it into. */
    public static final int MAX_DAYS = 366;

    public static final int MAX_INTERVALS = 3_000;

    /** Where a report's counts come from. */
    public enum Source {
        /** the rollup when it can answer, else the activities */
        BEST,
        ACTIVITIES,
        ROLLUP
    }

    private final ActivityCounts activities;
    private final RollupCounts rollup;
    private final QueueProperties properties;
    private final Function<String, QueueRules> rules;
    private final Function<String, String> labels;

    /** A report whose queues are labelled with their names (one PBX, or a caller that labels them itself). */
    public QueueIntervals(
            NamedParameterJdbcTemplate jdbc,
            QueueRollup rollup,
            QueueProperties properties,
            Function<String, QueueRules> rules) {
        this(jdbc, rollup, properties, rules, Function.identity());
    }

    /** @param labels a queue as people know it ({@code support (b)} for {@code b:support} with several PBXes) */
    public QueueIntervals(
            NamedParameterJdbcTemplate jdbc,
            QueueRollup rollup,
            QueueProperties properties,
            Function<String, QueueRules> rules,
            Function<String, String> labels) {
        this.activities = new ActivityCounts(jdbc);
        this.rollup = new RollupCounts(rollup);
        this.properties = properties;
        this.rules = rules;
        this.labels = labels;
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
        return report(from, to, step, queue, Source.BEST);
    }

    /** The report counted from {@code source} (the tests hold the rollup to the activities with it). */
    public IntervalReport report(LocalDate from, LocalDate to, ReportStep step, String queue, Source source) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the range must be 1 to " + MAX_DAYS + " days");
        }
        List<Instant> bounds = boundaries(from, to, step);
        if (bounds.size() - 1 > MAX_INTERVALS) {
            throw new IllegalArgumentException("at most " + MAX_INTERVALS + " intervals");
        }
        IntervalTally tally = new IntervalTally(bounds);
        boolean fromRollup = source == Source.ROLLUP || (source == Source.BEST && rollup.canCount(bounds));
        if (fromRollup) {
            rollup.count(tally, queue);
        } else {
            activities.count(tally, queue);
        }
        List<QueueReport> reports = new ArrayList<>();
        tally.days.forEach((name, perInterval) ->
                reports.add(queueReport(name, perInterval, bounds, tally.agents.getOrDefault(name, Map.of()))));
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
                labels.apply(queue),
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
