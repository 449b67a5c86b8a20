package io.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.activity.QueueCallLog;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.testing.QueueCalls;
import io.switchboard.report.QueueRollup;
import io.switchboard.testing.FreshDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Interval reports: the wallboard's definitions over any date range, cut into intervals in the centre's zone. Every
 * report is counted twice, from the rollup and from the activities themselves, and must be the same to the last
 * digit, on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(FreshDatabase.class)
class QueueIntervalsTest {

    private static final Map<FreshDatabase, JdbcTemplate> DATABASES = new EnumMap<>(FreshDatabase.class);

    @Parameter
    FreshDatabase database;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 16:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private JdbcTemplate jdbc;
    private QueueRollup rollup;

    private final QueueProperties properties = new QueueProperties(
            BERLIN,
            20,
            0.8,
            QueueProperties.ShortAbandons.EXCLUDED,
            Duration.ofMinutes(30),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10));
    private final QueueRules rules = new QueueRules(20, 0.8, Duration.ofSeconds(15));

    @BeforeEach
    void empty() {
        jdbc = DATABASES.computeIfAbsent(database, FreshDatabase::migrated);
        rollup = new QueueRollup(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
        jdbc.execute("delete from activities");
        jdbc.execute("delete from queue_rollup");
    }

    private QueueIntervals intervals() {
        return new QueueIntervals(new NamedParameterJdbcTemplate(jdbc), rollup, properties, queue -> rules);
    }

    /** The report from the activities, held to the one from the rollup (rebuilt from them first). */
    private IntervalReport report(LocalDate from, LocalDate to, ReportStep step, String queue) {
        rollup.rebuildAll();
        IntervalReport counted = intervals().report(from, to, step, queue, QueueIntervals.Source.ACTIVITIES);
        assertThat(intervals().report(from, to, step, queue, QueueIntervals.Source.ROLLUP))
                .as("the rollup's report")
                .isEqualTo(counted);
        return counted;
    }

    @Test
    void theDaysReportSaysWhatTheWallboardSaysOfTheSameDay() {
        Random random = new Random(19);
        QueueStatistics wallboard = new QueueStatistics(
                properties, queue -> rules, Clock.fixed(NOW, ZoneOffset.UTC), NOW.minus(Duration.ofHours(2)));
        CallOutcome[] outcomes = {CallOutcome.ANSWERED, CallOutcome.ANSWERED, CallOutcome.ABANDONED, CallOutcome.MISSED
        };
        // since midnight in Berlin (23:00 UTC the day before), two queues; half before the wallboard's restart
        Instant midnight = TODAY.atStartOfDay(BERLIN).toInstant();
        for (int i = 0; i < 400; i++) {
            String queue = i % 3 == 0 ? "sales" : "support";
            CallOutcome outcome = outcomes[random.nextInt(outcomes.length)];
            long wait = random.nextInt(90);
            long talk = outcome == CallOutcome.ANSWERED ? 10 + random.nextInt(400) : 0;
            Instant started = midnight.plusSeconds(
                    random.nextInt((int) Duration.ofHours(15).toSeconds()));
            String agent = "20" + (10 + random.nextInt(5));
            CallEnded call = ended("c" + i, queue, outcome, wait, talk, started, agent);
            store(call);
            wallboard.handlers().handle(call);
        }
        // a call of yesterday evening and one of another queue's tomorrow do not belong to the day
        store(ended("yesterday", "support", CallOutcome.ANSWERED, 5, 60, midnight.minusSeconds(60), "2010"));
        wallboard.rebuild(new QueueCallLog(jdbc));

        IntervalReport report = report(TODAY, TODAY, ReportStep.DAY, null);
        for (ReportStep step : ReportStep.values()) {
            report(TODAY.minusDays(6), TODAY, step, null);
            report(TODAY, TODAY, step, "sales");
        }

        List<QueueFigures> today = wallboard.today();
        assertThat(report.queues()).extracting(QueueReport::queue).containsExactly("sales", "support");
        for (QueueFigures figures : today) {
            QueueReport queue = report.queues().stream()
                    .filter(q -> q.queue().equals(figures.queue()))
                    .findFirst()
                    .orElseThrow();
            IntervalFigures day = queue.intervals().get(0);
            assertThat(queue.intervals()).hasSize(1);
            assertThat(day.offered()).isEqualTo(figures.offered());
            assertThat(day.answered()).isEqualTo(figures.answered());
            assertThat(day.abandoned()).isEqualTo(figures.abandoned());
            assertThat(day.abandonRate()).isCloseTo(figures.abandonRate(), within(1e-12));
            assertThat(day.averageWaitSeconds()).isCloseTo(figures.averageWaitSeconds(), within(1e-12));
            assertThat(day.averageTalkSeconds()).isCloseTo(figures.averageTalkSeconds(), within(1e-12));
            assertThat(day.serviceLevel()).isCloseTo(figures.serviceLevel(), within(1e-12));
            assertThat(queue.serviceLevelFormula()).isEqualTo(figures.serviceLevelFormula());
            assertThat(queue.total()).isEqualTo(day);
        }
    }

    @Test
    void quarterHoursCountEachCallWhereItStartedWithP90LongestWaitShortAbandonsAndAgents() {
        Instant nine = TODAY.atTime(9, 0).atZone(BERLIN).toInstant();
        // 09:00-09:15: ten answered calls waiting 1..10 s; 2001 took 6, 2002 took 4
        for (int i = 1; i <= 10; i++) {
            store(ended(
                    "a" + i,
                    "support",
                    CallOutcome.ANSWERED,
                    i,
                    100,
                    nine.plusSeconds(60L * i),
                    i <= 6 ? "2001" : "2002"));
        }
        // 09:15-09:30: one abandon after 5 s (short), one after 200 s, one answered after 30 s
        store(ended("s", "support", CallOutcome.ABANDONED, 5, 0, nine.plusSeconds(15 * 60), null));
        store(ended("l", "support", CallOutcome.ABANDONED, 200, 0, nine.plusSeconds(16 * 60), null));
        store(ended("x", "support", CallOutcome.ANSWERED, 30, 50, nine.plusSeconds(29 * 60 + 59), "2002"));

        QueueReport support = report(TODAY, TODAY, ReportStep.QUARTER_HOUR, "support")
                .queues()
                .get(0);

        assertThat(support.intervals()).hasSize(96);
        IntervalFigures first = support.intervals().get(36);
        assertThat(first.start()).isEqualTo(nine);
        assertThat(first.end()).isEqualTo(nine.plusSeconds(900));
        assertThat(first.offered()).isEqualTo(10);
        assertThat(first.p90WaitSeconds()).isEqualTo(9);
        assertThat(first.longestWaitSeconds()).isEqualTo(10);
        assertThat(first.averageWaitSeconds()).isCloseTo(5.5, within(1e-9));
        assertThat(first.averageHandleSeconds())
                .as("talk + the queue's 15 s wrap-up")
                .isCloseTo(115, within(1e-9));
        assertThat(first.serviceLevel()).isEqualTo(1.0);
        assertThat(first.answeredByAgent()).isEqualTo(Map.of("2001", 6L, "2002", 4L));
        IntervalFigures second = support.intervals().get(37);
        assertThat(second.offered()).isEqualTo(3);
        assertThat(second.abandoned()).isEqualTo(2);
        assertThat(second.shortAbandons()).isEqualTo(1);
        assertThat(second.longestWaitSeconds()).isEqualTo(200);
        // nobody answered within 20 s, of 3 offered minus the short abandon
        assertThat(second.serviceLevel()).isCloseTo(0.0, within(1e-9));
        assertThat(support.intervals().get(38).offered()).isZero();
        assertThat(support.intervals().get(38).serviceLevel()).isNull();
        assertThat(support.total().offered()).isEqualTo(13);
        assertThat(support.total().answeredByAgent()).isEqualTo(Map.of("2001", 6L, "2002", 5L));
        assertThat(support.handleTimeFormula()).contains("15 s");
    }

    @Test
    void daysFollowTheCentresZoneThroughSummerTimeAndWeeksStartOnMonday() {
        QueueIntervals intervals = intervals();
        // 2026-10-25 has 25 hours in Berlin (the clocks go back)
        IntervalReport hours = report(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), ReportStep.HOUR, null);
        assertThat(intervals.intervals(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), ReportStep.HOUR))
                .isEqualTo(25);
        assertThat(hours.queues()).isEmpty();
        // Thursday 2026-11-19 to Sunday 2026-11-29: Thu-Sun, Mon-Sun, in two weeks... and one call in each
        store(ended("w1", "support", CallOutcome.ANSWERED, 3, 30, Instant.parse("2026-11-22T22:59:00Z"), "2001"));
        store(ended("w2", "support", CallOutcome.ANSWERED, 3, 30, Instant.parse("2026-11-22T23:00:00Z"), "2001"));
        IntervalReport weeks = report(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 29), ReportStep.WEEK, null);
        List<IntervalFigures> support = weeks.queues().get(0).intervals();
        assertThat(support).hasSize(2);
        assertThat(support.get(0).start()).isEqualTo(Instant.parse("2026-11-18T23:00:00Z"));
        assertThat(support.get(1).start())
                .as("Monday 00:00 in Berlin")
                .isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(support.get(0).offered()).isEqualTo(1);
        assertThat(support.get(1).offered()).isEqualTo(1);
    }

    private static CallEnded ended(
            String id, String queue, CallOutcome outcome, long wait, long talk, Instant started, String agent) {
        return QueueCalls.ended(id, "+4930" + Math.abs(id.hashCode()), queue, outcome, wait, talk, started, agent);
    }

    private void store(CallEnded call) {
        jdbc.update(
                "insert into activities (call_id, direction, outcome, queue, agent_extension, started_at, ended_at,"
                        + " ring_seconds, wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                        + " values (?, 'INBOUND', ?, ?, ?, ?, ?, 3, ?, ?, false, ?, 0)",
                call.callId(),
                call.outcome().name(),
                call.queue(),
                // the agent an activity stores: the last on the call, else who answered, else who was rung; for these
                // calls always the one rung
                call.firstRangAgent(),
                OffsetDateTime.ofInstant(call.startedAt(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(call.at(), ZoneOffset.UTC),
                call.waitSeconds(),
                call.talkSeconds(),
                OffsetDateTime.ofInstant(call.at(), ZoneOffset.UTC));
    }
}
