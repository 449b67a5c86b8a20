package io.switchboard.queue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a report counts per queue and interval, filled from the activities or from the rollup. */
final class IntervalTally {

    /** The report's boundaries: interval n is {@code [bounds[n], bounds[n + 1])}. */
    final List<Instant> bounds;

    /** Per queue (in name order), a day's counters per interval, {@code null} where the interval had no calls. */
    final Map<String, QueueDay[]> days = new TreeMap<>();

    /** Per queue and interval, the answered calls by agent. */
    final Map<String, Map<Integer, Map<String, Long>>> agents = new HashMap<>();

    private final long[] startSeconds;

    IntervalTally(List<Instant> bounds) {
        this.bounds = bounds;
        this.startSeconds = bounds.stream().mapToLong(Instant::getEpochSecond).toArray();
    }

    int intervals() {
        return bounds.size() - 1;
    }

    QueueDay day(String queue, int n) {
        QueueDay[] perInterval = days.computeIfAbsent(queue, name -> new QueueDay[intervals()]);
        if (perInterval[n] == null) {
            perInterval[n] = new QueueDay();
        }
        return perInterval[n];
    }

    void answered(String queue, int n, String agent, long calls) {
        agents.computeIfAbsent(queue, name -> new HashMap<>())
                .computeIfAbsent(n, key -> new TreeMap<>())
                .merge(agent, calls, Long::sum);
    }

    /** An interval's answered calls per agent, all at once (the rollup sums them per interval first). */
    void answered(String queue, int n, Map<String, Long> byAgent) {
        agents.computeIfAbsent(queue, name -> new HashMap<>()).merge(n, byAgent, (kept, more) -> {
            more.forEach((agent, calls) -> kept.merge(agent, calls, Long::sum));
            return kept;
        });
    }

    /** The interval {@code at} falls in (callers pass instants within the report's range). */
    int indexOf(Instant at) {
        int found = Arrays.binarySearch(startSeconds, at.getEpochSecond());
        return found >= 0 ? found : -found - 2;
    }
}
