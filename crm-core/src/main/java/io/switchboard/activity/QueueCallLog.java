package io.switchboard.activity;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity log's queue calls, for read models kept elsewhere that rebuild after a restart (today's queue figures
 * and chart): the one way other features read what the activities table holds, so its columns stay this package's
 * business. Both queries take the calls that started at or after {@code startedFrom} and ended before
 * {@code endedBefore}; calls without a queue are not queue calls.
 */
public final class QueueCallLog {

    /** One call as the figures need it. {@code outcome} is the stored {@code CallOutcome} name. */
    public record QueueCall(String queue, String outcome, Instant startedAt, Instant endedAt, long waitSeconds) {}

    /** The calls of one queue with one outcome and one wait, counted, with their talk time summed. */
    public record QueueTally(String queue, String outcome, long waitSeconds, long calls, long talkSeconds) {}

    private final JdbcTemplate jdbc;

    public QueueCallLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The calls, the earliest ended first. */
    public List<QueueCall> calls(Instant startedFrom, Instant endedBefore) {
        return jdbc.query(
                "select queue, outcome, started_at, ended_at, wait_seconds from activities"
                        + " where queue is not null and started_at >= ? and ended_at < ? order by ended_at",
                (rs, row) -> new QueueCall(
                        rs.getString("queue"),
                        rs.getString("outcome"),
                        instant(rs, "started_at"),
                        instant(rs, "ended_at"),
                        rs.getLong("wait_seconds")),
                timestamp(startedFrom),
                timestamp(endedBefore));
    }

    /** The calls counted by queue, outcome and seconds waited (a day's calls in a few rows). */
    public List<QueueTally> tallies(Instant startedFrom, Instant endedBefore) {
        return jdbc.query(
                "select queue, outcome, wait_seconds, count(*) as calls, sum(talk_seconds) as talk from activities"
                        + " where queue is not null and started_at >= ? and ended_at < ?"
                        + " group by queue, outcome, wait_seconds",
                (rs, row) -> new QueueTally(
                        rs.getString("queue"),
                        rs.getString("outcome"),
                        rs.getLong("wait_seconds"),
                        rs.getLong("calls"),
                        rs.getLong("talk")),
                timestamp(startedFrom),
                timestamp(endedBefore));
    }
}
