package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.testing.QueueCalls;
import io.switchboard.report.AgentCounts;
import io.switchboard.report.QueueRollup;
import io.switchboard.report.WaitHistogram;
import io.switchboard.testing.FreshDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The interval reports' rollup is written with the activities, once per call, on both databases: replayed and
 * duplicated calls in later batches change nothing, and what was kept call by call is what a rebuild from the
 * activities says.
 */
class QueueRollupMaintenanceTest {

    private static final Instant NINE = Instant.parse("2026-11-02T08:00:00Z");
    private static final CallOutcome[] OUTCOMES = {
        CallOutcome.ANSWERED, CallOutcome.ANSWERED, CallOutcome.ANSWERED, CallOutcome.ABANDONED, CallOutcome.MISSED
    };

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void everyCallCountsOnceThoughBatchesAreReplayedAndTheRollupIsWhatARebuildSays(FreshDatabase database) {
        JdbcTemplate jdbc = database.migrated();
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        QueueRollup rollup = new QueueRollup(jdbc, transactions);
        ActivityInserts inserts = new ActivityInserts(jdbc, transactions, rollup, Clock.systemUTC());
        Random random = new Random(19);
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(record(random, i));
        }
        int written = 0;
        for (int from = 0; from < calls.size(); from += 25) {
            written += inserts.insert(calls.subList(from, from + 25));
            // a resync or a retried batch brings some of the calls again, with new ones
            int replayedFrom = random.nextInt(from + 25);
            written += inserts.insert(calls.subList(replayedFrom, Math.min(replayedFrom + 10, from + 25)));
        }
        assertThat(written).isEqualTo(300);

        List<String> kept = snapshot(jdbc);
        assertThat(offered(jdbc))
                .isEqualTo(jdbc.queryForObject("select count(*) from activities where queue is not null", Long.class));
        assertThat(answeredByAgents(jdbc))
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from activities where queue is not null and outcome = 'ANSWERED'"
                                + " and agent_extension is not null",
                        Long.class));
        jdbc.execute("delete from queue_rollup");
        rollup.rebuildAll();
        assertThat(snapshot(jdbc)).isNotEmpty().isEqualTo(kept);

        // replaying everything once more after the rebuild still changes nothing
        assertThat(inserts.insert(calls.subList(0, 50))).isZero();
        assertThat(snapshot(jdbc)).isEqualTo(kept);
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aCallWhoseRollupCannotBeWrittenIsNotWrittenEither(FreshDatabase database) {
        JdbcTemplate jdbc = database.migrated();
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        ActivityInserts inserts = new ActivityInserts(
                jdbc,
                transactions,
                calls -> {
                    throw new IllegalStateException("rollup unavailable");
                },
                Clock.systemUTC());

        assertThatThrownBy(() -> inserts.insert(List.of(record(new Random(1), 1))))
                .hasMessageContaining("rollup unavailable");

        assertThat(jdbc.queryForObject("select count(*) from activities", Long.class))
                .as("the activity and its rollup commit together or not at all: the recorder retries both")
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from activity_legs", Long.class))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void twoWritersOfTheSameQuarterHourWithOverlappingBatchesLoseNoCallAndCountNoneTwice(FreshDatabase database)
            throws Exception {
        // a connection per writer (migrated() shares one), and one held open so an H2 database stays open
        String url = database.url();
        SingleConnectionDataSource held = new SingleConnectionDataSource(url, true);
        Flyway.configure().dataSource(held).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        QueueRollup rollup = new QueueRollup(jdbc, transactions);
        ActivityInserts inserts = new ActivityInserts(jdbc, transactions, rollup, Clock.systemUTC());
        Random random = new Random(23);
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // all in two quarter hours of the two queues, so the writers meet on the same rows all the time
            calls.add(record(random, i, NINE.plusSeconds(random.nextInt(1800))));
        }
        int rounds = calls.size() / 20 - 1;
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            // each round, writer A takes calls [20r, 20r+20) and writer B [20r+10, 20r+30), at the same moment
            List<Future<?>> done = new ArrayList<>();
            for (int offset : new int[] {0, 10}) {
                done.add(writers.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        together.await(30, TimeUnit.SECONDS);
                        int from = round * 20 + offset;
                        written.addAndGet(insertRetrying(inserts, calls.subList(from, from + 20)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        long logged = jdbc.queryForObject("select count(*) from activities", Long.class);
        assertThat(written.get()).as("each call inserted by one writer only").isEqualTo((int) logged);
        assertThat(logged).isEqualTo(rounds * 20L + 10);
        assertThat(offered(jdbc))
                .isEqualTo(jdbc.queryForObject("select count(*) from activities where queue is not null", Long.class));
        List<String> kept = snapshot(jdbc);
        jdbc.execute("delete from queue_rollup");
        rollup.rebuildAll();
        assertThat(snapshot(jdbc)).isNotEmpty().isEqualTo(kept);
        held.destroy();
    }

    /** As the recorder does: a batch the database gave up on (a lock timeout on H2, say) is written again. */
    private static int insertRetrying(ActivityInserts inserts, List<CallRecord> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inserts.insert(batch);
            } catch (DataAccessException | TransactionException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Every rollup row and agent count as text, waits decoded, in key order. */
    private static List<String> snapshot(JdbcTemplate jdbc) {
        List<String> rows = new ArrayList<>(jdbc.query(
                "select interval_start, queue, offered, answered, abandoned, answered_talk_seconds,"
                        + " longest_wait_seconds, answered_waits, abandoned_waits, answered_by_agent from queue_rollup"
                        + " order by interval_start, queue",
                (rs, n) -> rs.getObject("interval_start", java.time.OffsetDateTime.class)
                                .toInstant() + " "
                        + rs.getString("queue") + " " + rs.getInt("offered") + "/" + rs.getInt("answered") + "/"
                        + rs.getInt("abandoned") + " talk " + rs.getLong("answered_talk_seconds") + " longest "
                        + rs.getInt("longest_wait_seconds") + " answered " + decoded(rs.getBytes("answered_waits"))
                        + " abandoned " + decoded(rs.getBytes("abandoned_waits")) + " agents "
                        + agents(rs.getBytes("answered_by_agent"))));
        return rows;
    }

    private static String decoded(byte[] waits) {
        StringBuilder text = new StringBuilder();
        WaitHistogram.decode(
                waits,
                (wait, calls) -> text.append(wait).append('x').append(calls).append(' '));
        return text.toString();
    }

    private static String agents(byte[] counts) {
        StringBuilder text = new StringBuilder();
        AgentCounts.decode(
                counts,
                (agent, calls) -> text.append(agent).append(':').append(calls).append(' '));
        return text.toString();
    }

    private static long offered(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(sum(offered), 0) from queue_rollup", Long.class);
    }

    private static long answeredByAgents(JdbcTemplate jdbc) {
        long[] calls = {0};
        jdbc.query("select answered_by_agent from queue_rollup", rs -> {
            AgentCounts.decode(rs.getBytes(1), (agent, answered) -> calls[0] += answered);
        });
        return calls[0];
    }

    /** A call of one of two queues (or none) within four hours, some waiting longer than ten minutes. */
    private static CallRecord record(Random random, int n) {
        return record(random, n, NINE.plusSeconds(random.nextInt(4 * 3600)));
    }

    private static CallRecord record(Random random, int n, Instant started) {
        CallOutcome outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        boolean answered = outcome == CallOutcome.ANSWERED;
        long wait = random.nextInt(10) == 0 ? 600 + random.nextInt(400) : random.nextInt(120);
        long talk = answered ? 5 + random.nextInt(600) : 0;
        String queue = n % 7 == 0 ? null : n % 3 == 0 ? "sales" : "support";
        String agent = outcome == CallOutcome.ABANDONED ? null : "20" + (10 + random.nextInt(4));
        CallEnded call =
                QueueCalls.ended("rollup-" + n, "+4930" + (1_000_000 + n), queue, outcome, wait, talk, started, agent);
        return new CallRecord(call, null, CallRecord.agentOf(call), null, null);
    }
}
