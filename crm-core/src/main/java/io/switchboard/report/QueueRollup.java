package io.switchboard.report;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.activity.QueueCallMeasures;
import io.switchboard.activity.QueueMeasuresListener;
import io.switchboard.activity.QueueQuarter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The interval reports' rollup: per queue and quarter hour, the counts, talk, longest wait, exact histograms of the
 * waits and the answered calls per agent. Kept in step with the activities in the transaction that writes them
 * ({@link #inserted}: each new call added once to its row); {@link #rebuild} recounts a range from the activities (the first start's backfill and the
 * admins' rebuild command).
 */
public final class QueueRollup implements QueueMeasuresListener {

    static final String STATE = "queue_rollup";

    /** What a rebuild did. */
    public record Rebuilt(Instant from, Instant to, long calls, long millis) {}

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;
    private final QueueRollupWriter writer;
    private volatile boolean ready;

    public QueueRollup(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = new QueueRollupWriter(jdbc);
    }

    /** Locks the quarter hours of a batch about to be inserted, creating their rows if need be. */
    @Override
    public void inserting(Set<QueueQuarter> quarters) {
        writer.lock(quarters);
    }

    /** Adds calls just inserted to their quarter hours (locked by {@link #inserting}), in the inserting transaction. */
    @Override
    public void inserted(List<QueueCallMeasures> calls) {
        writer.add(calls);
    }

    /**
     * Recounts {@code [from, to)} (widened to whole quarter hours) from the activities, a day per transaction, so
     * the rollup says exactly what the activities say; safe while calls are being written.
     */
    public Rebuilt rebuild(Instant from, Instant to) {
        long started = System.nanoTime();
        Instant first = QueueQuarter.start(from);
        Instant end = QueueQuarter.start(to.plusSeconds(QueueQuarter.SECONDS - 1));
        long calls = 0;
        for (Instant at = first; at.isBefore(end); ) {
            Instant chunkStart = at;
            Instant chunkEnd = min(at.plus(1, ChronoUnit.DAYS), end);
            Long counted = transactions.execute(status -> writer.rebuild(chunkStart, chunkEnd));
            calls += counted == null ? 0 : counted;
            at = chunkEnd;
        }
        return new Rebuilt(first, end, calls, (System.nanoTime() - started) / 1_000_000);
    }

    /** Recounts every activity there is. */
    public Rebuilt rebuildAll() {
        List<Instant> range = jdbc.query(
                        "select min(started_at) as first, max(started_at) as last from activities where queue is not null",
                        (rs, row) -> {
                            List<Instant> both = new ArrayList<>(2);
                            both.add(instant(rs, "first"));
                            both.add(instant(rs, "last"));
                            return both;
                        })
                .get(0);
        Instant now = Instant.now();
        if (range.get(0) == null) {
            return new Rebuilt(now, now, 0, 0);
        }
        return rebuild(range.get(0), range.get(1).plusSeconds(1));
    }

    /** Whether the existing activities were rolled up (the first start's backfill finished). */
    public boolean ready() {
        if (!ready) {
            ready = !jdbc.queryForList("select name from report_rollup_state where name = ?", String.class, STATE)
                    .isEmpty();
        }
        return ready;
    }

    /** Records that the rollup holds every activity: from now on the reports read it. */
    void markReady() {
        jdbc.update(
                "insert into report_rollup_state (name, built_at) values (?, ?) on conflict do nothing",
                STATE,
                OffsetDateTime.now());
        ready = true;
    }

    /** The rows of quarter hours starting in {@code [from, to)}, of one queue or all ({@code null}), in time order. */
    public void read(Instant from, Instant to, String queue, Consumer<QueueRollupRow> into) {
        jdbc.query(
                "select interval_start, queue, offered, answered, abandoned, answered_talk_seconds,"
                        + " longest_wait_seconds, answered_waits, abandoned_waits, answered_by_agent from queue_rollup"
                        + where(queue),
                rs -> {
                    into.accept(row(rs));
                },
                arguments(from, to, queue));
    }

    static QueueRollupRow row(ResultSet rs) throws SQLException {
        return new QueueRollupRow(
                instant(rs, "interval_start"),
                rs.getString("queue"),
                rs.getInt("offered"),
                rs.getInt("answered"),
                rs.getInt("abandoned"),
                rs.getLong("answered_talk_seconds"),
                rs.getInt("longest_wait_seconds"),
                rs.getBytes("answered_waits"),
                rs.getBytes("abandoned_waits"),
                rs.getBytes("answered_by_agent"));
    }

    private static String where(String queue) {
        return " where interval_start >= ? and interval_start < ?" + (queue == null ? "" : " and queue = ?")
                + " order by interval_start, queue";
    }

    private static Object[] arguments(Instant from, Instant to, String queue) {
        return queue == null
                ? new Object[] {timestamp(from), timestamp(to)}
                : new Object[] {timestamp(from), timestamp(to), queue};
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
