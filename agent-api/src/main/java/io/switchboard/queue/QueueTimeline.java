package io.switchboard.queue;

import io.switchboard.live.LiveBoard;
import io.switchboard.live.LiveQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's course per queue for the wallboard's chart: callers waiting and the service level so far, sampled once
 * a minute. Kept in memory for today only; after a restart the chart starts again (the day's totals do not).
 */
public final class QueueTimeline {

    /** One sample. {@code serviceLevel} is {@code null} until the queue's first call. */
    public record Point(Instant at, int waiting, Double serviceLevel) {}

    private static final int MAX_POINTS = 24 * 60;

    private final LiveBoard board;
    private final QueueStatistics statistics;
    private final QueueProperties properties;
    private final Clock clock;
    private final Map<String, List<Point>> points = new TreeMap<>();
    private LocalDate day;

    QueueTimeline(LiveBoard board, QueueStatistics statistics, QueueProperties properties, Clock clock) {
        this.board = board;
        this.statistics = statistics;
        this.properties = properties;
        this.clock = clock;
        this.day = LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    /** Takes one sample of every queue (the scheduler calls it every minute). */
    public synchronized void sample() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        if (!today.equals(day)) {
            day = today;
            points.clear();
        }
        Map<String, Integer> waiting = new LinkedHashMap<>();
        for (LiveQueue queue : board.queues()) {
            waiting.put(queue.name(), queue.waiting());
        }
        Map<String, Double> levels = new LinkedHashMap<>();
        for (QueueFigures figures : statistics.today()) {
            levels.put(figures.queue(), figures.serviceLevel());
            waiting.putIfAbsent(figures.queue(), 0);
        }
        waiting.forEach((queue, count) -> {
            List<Point> series = points.computeIfAbsent(queue, name -> new ArrayList<>());
            if (series.size() == MAX_POINTS) {
                series.remove(0);
            }
            series.add(new Point(now, count, levels.get(queue)));
        });
    }

    /** Today's samples by queue, oldest first. */
    public synchronized Map<String, List<Point>> today() {
        Map<String, List<Point>> copy = new TreeMap<>();
        points.forEach((queue, series) -> copy.put(queue, List.copyOf(series)));
        return copy;
    }
}
