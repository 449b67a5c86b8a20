package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.FreshDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** At the first start after the rollup's migration, the activities already there are rolled up, once. */
class QueueRollupBackfillTest {

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void existingActivitiesAreRolledUpAtTheFirstStartAndTheReportsThenReadTheRollup(FreshDatabase database)
            throws Exception {
        JdbcTemplate jdbc = database.migrated();
        Instant first = Instant.parse("2025-03-30T22:10:00Z");
        for (int i = 0; i < 120; i++) {
            // three days, every 37 minutes, two queues
            Instant started = first.plusSeconds(37L * 60 * i);
            jdbc.update(
                    "insert into activities (call_id, direction, outcome, queue, agent_extension, started_at, ended_at,"
                            + " ring_seconds, wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                            + " values (?, 'INBOUND', ?, ?, ?, ?, ?, 3, ?, ?, false, ?, 0)",
                    "old-" + i,
                    i % 4 == 0 ? "ABANDONED" : "ANSWERED",
                    i % 2 == 0 ? "sales" : "support",
                    i % 4 == 0 ? null : "20" + (i % 3),
                    OffsetDateTime.ofInstant(started, ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(started.plusSeconds(300), ZoneOffset.UTC),
                    i % 50,
                    i % 4 == 0 ? 0 : 200,
                    OffsetDateTime.ofInstant(started.plusSeconds(300), ZoneOffset.UTC));
        }
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        QueueRollup rollup = new QueueRollup(jdbc, transactions);
        assertThat(rollup.ready())
                .as("before the backfill the reports count the activities")
                .isFalse();

        try (QueueRollupBackfill backfill = new QueueRollupBackfill(rollup)) {
            backfill.start();
            await().atMost(Duration.ofSeconds(60)).until(rollup::ready);
        }

        assertThat(jdbc.queryForObject("select sum(offered) from queue_rollup", Long.class))
                .isEqualTo(120L);
        assertThat(jdbc.queryForObject("select sum(abandoned) from queue_rollup", Long.class))
                .isEqualTo(30L);
        assertThat(new QueueRollup(jdbc, transactions).ready())
                .as("recorded in the database, for the next start and the other nodes")
                .isTrue();
    }
}
