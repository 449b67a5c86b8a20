package io.switchboard.queue;

import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventListener;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Today's figures per queue: offered, answered, abandoned, waits, talk, service level, and an Erlang C staffing
 * hint. Counted live from ended calls; after a restart, rebuilt from the day's stored activities first, so a
 * restart loses nothing.
 */
public final class QueueStatistics implements CallEventListener {

    private final QueueProperties properties;
    private final Clock clock;
    private final Map<String, QueueDay> queues = new TreeMap<>();
    private LocalDate day;
    /** Ended calls before this instant come from the database ({@link #rebuild}), later ones from the stream. */
    private final Instant liveFrom;

    QueueStatistics(QueueProperties properties, Clock clock, Instant liveFrom) {
        this.properties = properties;
        this.clock = clock;
        this.day = currentDay();
        this.liveFrom = liveFrom;
    }

    /** Adds the day's calls that ended before the live stream took over, from the activities table. */
    synchronized void rebuild(JdbcTemplate jdbc) {
        Instant cutoff = liveFrom;
        OffsetDateTime dayStart = day.atStartOfDay(properties.zone()).toOffsetDateTime();
        OffsetDateTime until = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        int threshold = properties.serviceLevelSeconds();
        jdbc.query(
                "select queue, count(*) as offered,"
                        + " sum(case when outcome = 'ANSWERED' then 1 else 0 end) as answered,"
                        + " sum(case when outcome = 'ABANDONED' then 1 else 0 end) as abandoned,"
                        + " sum(case when outcome = 'ANSWERED' and wait_seconds <= ? then 1 else 0 end) as answered_in,"
                        + " sum(case when outcome = 'ABANDONED' and wait_seconds <= ? then 1 else 0 end) as abandoned_in,"
                        + " sum(case when outcome = 'ANSWERED' then wait_seconds else 0 end) as wait,"
                        + " sum(case when outcome = 'ANSWERED' then talk_seconds else 0 end) as talk"
                        + " from activities where queue is not null and started_at >= ? and ended_at < ?"
                        + " group by queue",
                rs -> {
                    QueueDay queue = queues.computeIfAbsent(rs.getString("queue"), name -> new QueueDay());
                    queue.offered += rs.getLong("offered");
                    queue.answered += rs.getLong("answered");
                    queue.abandoned += rs.getLong("abandoned");
                    queue.answeredWithinThreshold += rs.getLong("answered_in");
                    queue.abandonedWithinThreshold += rs.getLong("abandoned_in");
                    queue.waitSecondsOfAnswered += rs.getLong("wait");
                    queue.talkSeconds += rs.getLong("talk");
                },
                threshold,
                threshold,
                dayStart,
                until);
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(cutoff.minus(properties.arrivalWindow()), ZoneOffset.UTC);
        jdbc.query(
                "select queue, started_at from activities where queue is not null and started_at >= ?"
                        + " and ended_at < ? order by started_at",
                rs -> {
                    QueueDay queue = queues.computeIfAbsent(rs.getString("queue"), name -> new QueueDay());
                    Timestamp started = rs.getTimestamp("started_at");
                    queue.arrived(started.toInstant());
                },
                windowStart,
                until);
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof CallEnded;
    }

    @Override
    public synchronized void onCallEvent(CallEvent event) {
        if (event instanceof CallEnded ended
                && ended.queue() != null
                && !ended.at().isBefore(liveFrom)) {
            rollOver();
            queues.computeIfAbsent(ended.queue(), name -> new QueueDay())
                    .add(
                            ended.outcome().name(),
                            ended.waitSeconds(),
                            ended.talkSeconds(),
                            ended.startedAt(),
                            properties.serviceLevelSeconds());
        }
    }

    /** Today's figures of every queue that has had calls, by name. */
    public synchronized List<QueueFigures> today() {
        rollOver();
        Instant now = clock.instant();
        List<QueueFigures> figures = new ArrayList<>();
        queues.forEach((name, queue) -> figures.add(figuresOf(name, queue, now)));
        return figures;
    }

    private QueueFigures figuresOf(String name, QueueDay queue, Instant now) {
        long window = properties.arrivalWindow().toSeconds();
        double rate = queue.arrivalRate(now, window);
        Double talk = queue.answered == 0 ? null : queue.talkSeconds / (double) queue.answered;
        return new QueueFigures(
                name,
                queue.offered,
                queue.answered,
                queue.abandoned,
                queue.offered == 0 ? null : queue.abandoned / (double) queue.offered,
                queue.answered == 0 ? null : queue.waitSecondsOfAnswered / (double) queue.answered,
                talk,
                queue.serviceLevel(properties.shortAbandons()),
                properties.serviceLevelFormula(),
                rate * 3600,
                talk == null
                        ? 0
                        : ErlangC.agentsNeeded(
                                rate, talk, properties.serviceLevelSeconds(), properties.serviceLevelTarget()));
    }

    private void rollOver() {
        LocalDate now = currentDay();
        if (!now.equals(day)) {
            day = now;
            queues.clear();
        }
    }

    private LocalDate currentDay() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
