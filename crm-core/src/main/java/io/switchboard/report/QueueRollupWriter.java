package io.switchboard.report;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.activity.QueueCallMeasures;
import io.switchboard.activity.QueueQuarter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes quarter hours of the rollup in the caller's transaction: a batch's new calls are added to their quarter
 * hours' rows ({@link #add}), a rebuild recounts a range from its activities. Either way a quarter hour's row is
 * locked before it is read, so of two writers of the same quarter hour the second reads the row as the first
 * committed it (PostgreSQL and H2 read committed rows afresh for each statement) and neither loses the other's calls.
 * Adding never counts a call twice because the activities' insert tells only the calls it really inserted, once each.
 */
final class QueueRollupWriter {

    private static final byte[] EMPTY = {};
    private static final String ACTIVITIES = "select queue, started_at, outcome, wait_seconds, talk_seconds,"
            + " agent_extension from activities where queue is not null and started_at >= ? and started_at < ?";

    private final JdbcTemplate jdbc;

    QueueRollupWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the rows of these quarter hours if need be and locks them, in order, before their calls are inserted:
     * so writers of a quarter hour insert one after the other, and what one reads of the row under its lock is what
     * the previous one committed.
     */
    void lock(Set<QueueQuarter> quarters) {
        Set<QueueQuarter> sorted = new TreeSet<>(quarters);
        ensureRows(sorted);
        for (QueueQuarter quarter : sorted) {
            lock(quarter);
        }
    }

    /**
     * Adds calls just inserted to their quarter hours' rows, locked by {@link #lock} in this transaction: each row is
     * read, decoded, merged with the calls and written back, so a batch costs its own calls and its quarter hours'
     * rows, whatever the quarter hour already holds.
     */
    void add(List<QueueCallMeasures> calls) {
        Map<QueueQuarter, RollupBucket> added = new TreeMap<>();
        for (QueueCallMeasures call : calls) {
            added.computeIfAbsent(call.quarter(), key -> new RollupBucket())
                    .add(call.outcome(), call.waitSeconds(), call.talkSeconds(), call.agentExtension());
        }
        for (Map.Entry<QueueQuarter, RollupBucket> quarter : added.entrySet()) {
            List<QueueRollupRow> stored = jdbc.query(
                    "select interval_start, queue, offered, answered, abandoned, answered_talk_seconds,"
                            + " longest_wait_seconds, answered_waits, abandoned_waits, answered_by_agent"
                            + " from queue_rollup where interval_start = ? and queue = ?",
                    (rs, n) -> QueueRollup.row(rs),
                    timestamp(quarter.getKey().start()),
                    quarter.getKey().queue());
            if (stored.isEmpty()) {
                // its calls would be lost: the insert must roll back rather than commit without them
                throw new IllegalStateException("the rollup row of " + quarter.getKey() + " was not locked first");
            }
            quarter.getValue().add(stored.get(0));
        }
        write(added.keySet(), added);
    }

    private void lock(QueueQuarter quarter) {
        jdbc.queryForList(
                "select queue from queue_rollup where interval_start = ? and queue = ? for update",
                String.class,
                timestamp(quarter.start()),
                quarter.queue());
    }

    /** Recounts these quarter hours from their activities (those whose first call committed during a rebuild). */
    void refresh(Collection<QueueQuarter> quarters) {
        Set<QueueQuarter> sorted = new TreeSet<>(quarters);
        if (sorted.isEmpty()) {
            return;
        }
        ensureRows(sorted);
        for (QueueQuarter quarter : sorted) {
            lock(quarter);
        }
        Map<QueueQuarter, RollupBucket> counted = new TreeMap<>();
        for (QueueQuarter quarter : sorted) {
            jdbc.query(
                    ACTIVITIES + " and queue = ?",
                    rs -> {
                        countRow(counted, rs);
                    },
                    timestamp(quarter.start()),
                    timestamp(quarter.end()),
                    quarter.queue());
        }
        write(sorted, counted);
    }

    /**
     * Recounts every quarter hour of {@code [from, to)} (whole quarter hours) with their calls, and removes those
     * left without any.
     *
     * @return the calls counted
     */
    long rebuild(Instant from, Instant to) {
        ensureRows(count(from, to).keySet());
        Set<QueueQuarter> locked = new TreeSet<>();
        jdbc.query(
                "select interval_start, queue from queue_rollup where interval_start >= ? and interval_start < ?"
                        + " order by interval_start, queue for update",
                rs -> {
                    locked.add(new QueueQuarter(instant(rs, "interval_start"), rs.getString("queue")));
                },
                timestamp(from),
                timestamp(to));
        Map<QueueQuarter, RollupBucket> counted = count(from, to);
        Set<QueueQuarter> lateComers = new HashSet<>(counted.keySet());
        lateComers.removeAll(locked);
        // a quarter hour whose first call committed after the lock above: counted on its own, under its lock
        counted.keySet().removeAll(lateComers);
        write(locked, counted);
        refresh(lateComers);
        long calls = 0;
        for (RollupBucket bucket : counted.values()) {
            calls += bucket.offered;
        }
        return calls;
    }

    private Map<QueueQuarter, RollupBucket> count(Instant from, Instant to) {
        Map<QueueQuarter, RollupBucket> counted = new TreeMap<>();
        jdbc.query(
                ACTIVITIES,
                rs -> {
                    countRow(counted, rs);
                },
                timestamp(from),
                timestamp(to));
        return counted;
    }

    private static void countRow(Map<QueueQuarter, RollupBucket> counted, ResultSet rs) throws SQLException {
        QueueQuarter quarter = QueueQuarter.of(rs.getString("queue"), instant(rs, "started_at"));
        counted.computeIfAbsent(quarter, key -> new RollupBucket())
                .add(
                        rs.getString("outcome"),
                        rs.getInt("wait_seconds"),
                        rs.getInt("talk_seconds"),
                        rs.getString("agent_extension"));
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** A row for each quarter hour, so there is something to lock (inserts that find one write nothing). */
    private void ensureRows(Set<QueueQuarter> quarters) {
        List<Object[]> rows = new ArrayList<>(quarters.size());
        for (QueueQuarter quarter : quarters) {
            rows.add(new Object[] {timestamp(quarter.start()), quarter.queue(), EMPTY, EMPTY, EMPTY});
        }
        batch(
                "insert into queue_rollup (interval_start, queue, offered, answered, abandoned, answered_talk_seconds,"
                        + " longest_wait_seconds, answered_waits, abandoned_waits, answered_by_agent)"
                        + " values (?, ?, 0, 0, 0, 0, 0, ?, ?, ?)"
                        + " on conflict do nothing",
                rows);
    }

    /** Replaces the locked quarter hours' rows with their counts; those without calls lose their row. */
    private void write(Set<QueueQuarter> locked, Map<QueueQuarter, RollupBucket> counted) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        for (QueueQuarter quarter : locked) {
            Object[] key = {timestamp(quarter.start()), quarter.queue()};
            RollupBucket bucket = counted.get(quarter);
            if (bucket == null) {
                emptied.add(key);
                continue;
            }
            updates.add(new Object[] {
                bucket.offered,
                bucket.answered,
                bucket.abandoned,
                bucket.answeredTalk,
                bucket.longestWait,
                WaitHistogram.encode(bucket.answeredWaits),
                WaitHistogram.encode(bucket.abandonedWaits),
                AgentCounts.encode(bucket.answeredByAgent),
                key[0],
                key[1]
            });
        }
        batch(
                "update queue_rollup set offered = ?, answered = ?, abandoned = ?, answered_talk_seconds = ?,"
                        + " longest_wait_seconds = ?, answered_waits = ?, abandoned_waits = ?, answered_by_agent = ?"
                        + " where interval_start = ? and queue = ?",
                updates);
        batch("delete from queue_rollup where interval_start = ? and queue = ?", emptied);
    }
}
