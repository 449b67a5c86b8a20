package io.switchboard.queue;

import io.switchboard.activity.QueueCallLog;
import io.switchboard.activity.QueueCallLog.QueueCall;
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
 * a minute. Kept in memory; after a restart the points before it are rebuilt from the day's activity log
 * ({@link #rebuild}), so the chart keeps its morning.
 */
public final class QueueTimeline {

    /** One sample. {@code serviceLevel} is {@code null} until the queue's first call. */
    public record Point(Instant at, int waiting, Double serviceLevel) {}

    private static final int MAX_POINTS = 24 * 60;

    private final WaitingCallers waiting;
    private final QueueStatistics statistics;
    private final QueueProperties properties;
    private final Clock clock;
    private final Map<String, List<Point>> points = new TreeMap<>();
    private LocalDate day;

    QueueTimeline(WaitingCallers waiting, QueueStatistics statistics, QueueProperties properties, Clock clock) {
        this.waiting = waiting;
        this.statistics = statistics;
        this.properties = properties;
        this.clock = clock;
        this.day = LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    /**
     * Rebuilds today's points up to now from the activity log: a caller counts as waiting from the call's start for
     * its wait time, and each point's service level counts the calls that had ended by then.
     */
    public synchronized void rebuild(QueueCallLog log) {
        Instant now = clock.instant();
        Instant dayStart = day.atStartOfDay(properties.zone()).toInstant();
        long step = properties.sampleInterval().toMillis();
        int count = (int) Math.min(MAX_POINTS, (now.toEpochMilli() - dayStart.toEpochMilli()) / step);
        if (count <= 0) {
            return;
        }
        Instant first = now.minusMillis(step * count);
        Map<String, List<QueueCall>> byQueue = new TreeMap<>();
        for (QueueCall call : log.calls(dayStart, now)) {
            byQueue.computeIfAbsent(call.queue(), name -> new ArrayList<>()).add(call);
        }
        byQueue.forEach((queue, calls) -> points.put(
                queue, replay(calls, first, step, count, statistics.rules(queue).serviceLevelSeconds())));
    }

    private List<Point> replay(List<QueueCall> calls, Instant first, long step, int count, int threshold) {
        // Waiting callers: add one over the sample indexes each caller's wait covers (a difference array).
        int[] waitingChange = new int[count + 1];
        for (QueueCall call : calls) {
            int from = indexAtOrAfter(call.startedAt(), first, step);
            int until = indexAtOrAfter(call.startedAt().plusSeconds(call.waitSeconds()), first, step);
            if (from < until && from < count) {
                waitingChange[Math.max(0, from)]++;
                waitingChange[Math.min(count, until)]--;
            }
        }
        QueueDay day = new QueueDay();
        List<Point> series = new ArrayList<>(count);
        int waiting = 0;
        int next = 0;
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis(step * i);
            while (next < calls.size() && !calls.get(next).endedAt().isAfter(at)) {
                QueueCall call = calls.get(next++);
                day.add(call.outcome(), call.waitSeconds(), 0, null);
            }
            waiting += waitingChange[i];
            series.add(new Point(at, waiting, day.serviceLevel(threshold, properties.shortAbandons())));
        }
        return series;
    }

    private static int indexAtOrAfter(Instant instant, Instant first, long step) {
        long offset = instant.toEpochMilli() - first.toEpochMilli();
        return offset <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (offset + step - 1) / step);
    }

    /** Takes one sample of every queue (the scheduler calls it every minute). */
    public synchronized void sample() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        if (!today.equals(day)) {
            day = today;
            points.clear();
        }
        Map<String, Integer> waiting = new LinkedHashMap<>(this.waiting.byQueue());
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
