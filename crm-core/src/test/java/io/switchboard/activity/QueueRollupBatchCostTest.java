package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.testing.QueueCalls;
import io.switchboard.report.QueueRollup;
import io.switchboard.testing.FreshDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of the call log costs its own calls, not its quarter hour's: the rollup adds the batch's new calls to the
 * stored row instead of recounting the quarter hour's activities. Prints the time per batch at the start and the
 * end of a busy quarter hour ({@code -Drollup.cost.calls=45000} for a quarter hour of 50 calls/s).
 */
class QueueRollupBatchCostTest {

    private static final Instant QUARTER = Instant.parse("2026-11-02T08:00:00Z");
    private static final int BATCH = 50;
    private static final CallOutcome[] OUTCOMES = {CallOutcome.ANSWERED, CallOutcome.ANSWERED, CallOutcome.ABANDONED};

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void aBatchOfOneReadsItsOwnRowsNotTheQuarterHoursOtherActivities(FreshDatabase database) {
        JdbcTemplate migrated = database.migrated();
        RowsFetched fetched = new RowsFetched();
        DataSource counted = fetched.around(migrated.getDataSource());
        JdbcTemplate jdbc = new JdbcTemplate(counted);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
        ActivityInserts inserts =
                new ActivityInserts(jdbc, transactions, new QueueRollup(jdbc, transactions), Clock.systemUTC());
        int calls = Integer.getInteger("rollup.cost.calls", 5_000);
        Random random = new Random(5);
        List<Long> nanos = new ArrayList<>();
        for (int from = 0; from < calls; from += BATCH) {
            List<CallRecord> batch = new ArrayList<>(BATCH);
            for (int n = from; n < from + BATCH; n++) {
                batch.add(call(random, n));
            }
            long started = System.nanoTime();
            inserts.insert(batch);
            nanos.add(System.nanoTime() - started);
        }
        System.out.printf(
                "rollup batch cost on %s, batches of %d into one queue's quarter hour of %d calls:"
                        + " first 20 batches %.2f ms each, last 20 batches %.2f ms each%n",
                database,
                BATCH,
                calls,
                average(nanos.subList(0, 20)),
                average(nanos.subList(nanos.size() - 20, nanos.size())));

        long before = fetched.count();
        assertThat(inserts.insert(List.of(call(random, calls)))).isEqualTo(1);
        long read = fetched.count() - before;

        assertThat(read)
                .as(
                        "rows read by a batch of one call into a quarter hour of %d: its generated key, and its"
                                + " quarter hour's row locked and read",
                        calls)
                .isLessThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select offered from queue_rollup", Integer.class))
                .isEqualTo(calls + 1);
    }

    private static double average(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1_000_000.0;
    }

    /** A call of queue "support" in the one quarter hour. */
    private static CallRecord call(Random random, int n) {
        CallOutcome outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        long wait = random.nextInt(180);
        long talk = outcome == CallOutcome.ANSWERED ? 5 + random.nextInt(600) : 0;
        String agent = outcome == CallOutcome.ANSWERED ? "20" + (10 + random.nextInt(40)) : null;
        CallEnded ended = QueueCalls.ended(
                "cost-" + n,
                "+4930" + (1_000_000 + n),
                "support",
                outcome,
                wait,
                talk,
                QUARTER.plusSeconds(random.nextInt(900)),
                agent);
        return new CallRecord(ended, null, CallRecord.agentOf(ended), null, null);
    }
}
