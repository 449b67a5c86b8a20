package io.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.activity.QueueCallLog;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.testing.QueueCalls;
import io.switchboard.testing.SharedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Today's queue figures: counted live, and rebuilt from the stored activities after a restart. */
class QueueStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static JdbcTemplate jdbc;

    private final QueueProperties properties = new QueueProperties(
            ZoneId.of("Europe/Berlin"),
            20,
            0.8,
            QueueProperties.ShortAbandons.EXCLUDED,
            Duration.ofMinutes(30),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void schema() {
        String database = "queues_" + UUID.randomUUID().toString().replace("-", "");
        JdbcTemplate admin = new JdbcTemplate(dataSource("postgres"));
        admin.execute("create database " + database);
        DataSource dataSource = dataSource(database);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private static DataSource dataSource(String database) {
        String url = SharedPostgres.get().getJdbcUrl("postgres", database);
        return new DriverManagerDataSource(url);
    }

    @BeforeEach
    void empty() {
        jdbc.execute("delete from activities");
    }

    @Test
    void liveCallsAreCountedWithServiceLevelAbandonRateAndAverages() {
        QueueStatistics statistics = new QueueStatistics(properties, clock, NOW.minusSeconds(3600));

        statistics.handlers().handle(ended("a", CallOutcome.ANSWERED, 10, 100, NOW.minusSeconds(600)));
        statistics.handlers().handle(ended("b", CallOutcome.ANSWERED, 30, 200, NOW.minusSeconds(500)));
        statistics.handlers().handle(ended("c", CallOutcome.ABANDONED, 5, 0, NOW.minusSeconds(400)));
        statistics.handlers().handle(ended("d", CallOutcome.ABANDONED, 60, 0, NOW.minusSeconds(300)));

        QueueFigures support = statistics.today().get(0);
        assertThat(support.queue()).isEqualTo("support");
        assertThat(support.offered()).isEqualTo(4);
        assertThat(support.answered()).isEqualTo(2);
        assertThat(support.abandoned()).isEqualTo(2);
        assertThat(support.abandonRate()).isCloseTo(0.5, within(1e-9));
        assertThat(support.averageWaitSeconds()).isCloseTo(20, within(1e-9));
        assertThat(support.averageTalkSeconds()).isCloseTo(150, within(1e-9));
        // one answered within 20 s, out of 4 offered minus 1 abandoned within 20 s
        assertThat(support.serviceLevel()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(support.serviceLevelFormula()).contains("offered - abandoned within 20 s");
        assertThat(support.arrivalsPerHour()).isCloseTo(4 * 2, within(1e-9));
        assertThat(support.agentsNeeded()).isPositive();
    }

    @Test
    void shortAbandonsCountAgainstTheServiceLevelWhenConfiguredSo() {
        QueueProperties missed = new QueueProperties(
                ZoneId.of("UTC"),
                20,
                0.8,
                QueueProperties.ShortAbandons.MISSED,
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10));
        QueueStatistics statistics = new QueueStatistics(missed, clock, NOW.minusSeconds(3600));
        statistics.handlers().handle(ended("a", CallOutcome.ANSWERED, 10, 100, NOW.minusSeconds(600)));
        statistics.handlers().handle(ended("c", CallOutcome.ABANDONED, 5, 0, NOW.minusSeconds(400)));

        assertThat(statistics.today().get(0).serviceLevel()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aQueuesOwnThresholdIsReadWhenTheFiguresAreReadOverTheWholeDay() {
        Instant restart = NOW.minusSeconds(120);
        store("s1", CallOutcome.ANSWERED, 10, 100, NOW.minusSeconds(900));
        store("s2", CallOutcome.ABANDONED, 40, 0, NOW.minusSeconds(800));
        AtomicInteger threshold = new AtomicInteger(20);
        QueueStatistics statistics = new QueueStatistics(
                properties, queue -> new QueueRules(threshold.get(), 0.9, Duration.ofSeconds(10)), clock, restart);
        statistics.rebuild(new QueueCallLog(jdbc));
        statistics.handlers().handle(ended("live", CallOutcome.ANSWERED, 15, 60, NOW.minusSeconds(100)));
        // answered within 20 s: both (10 s and 15 s), of 3 offered
        assertThat(statistics.today().get(0).serviceLevel()).isCloseTo(2 / 3.0, within(1e-9));

        // the admin sets 12 s: the rebuilt call and the live one are judged by it at once
        threshold.set(12);
        QueueFigures support = statistics.today().get(0);
        assertThat(support.serviceLevel()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(support.serviceLevelFormula()).startsWith("answered within 12 s");
    }

    @Test
    void aRestartRebuildsTodayFromTheActivitiesAndCountsNothingTwice() {
        Instant restart = NOW.minusSeconds(120);
        // before the restart: stored today, and one from yesterday that must not count
        store("s1", CallOutcome.ANSWERED, 10, 100, NOW.minusSeconds(900));
        store("s2", CallOutcome.ABANDONED, 40, 0, NOW.minusSeconds(800));
        store("old", CallOutcome.ANSWERED, 10, 100, NOW.minus(Duration.ofDays(1)));
        // ended after the restart: stored too, but counted from the live stream only
        store("live", CallOutcome.ANSWERED, 15, 60, NOW.minusSeconds(100));

        QueueStatistics statistics = new QueueStatistics(properties, clock, restart);
        statistics.rebuild(new QueueCallLog(jdbc));
        statistics.handlers().handle(ended("live", CallOutcome.ANSWERED, 15, 60, NOW.minusSeconds(100)));
        // an event from before the restart, replayed by a resync: already counted from the database
        statistics.handlers().handle(ended("s1", CallOutcome.ANSWERED, 10, 100, NOW.minusSeconds(900)));

        QueueFigures support = statistics.today().get(0);
        assertThat(support.offered()).isEqualTo(3);
        assertThat(support.answered()).isEqualTo(2);
        assertThat(support.abandoned()).isEqualTo(1);
        assertThat(support.averageTalkSeconds()).isCloseTo(80, within(1e-9));
    }

    @Test
    void aRestartRebuildsTheDaysChartFromTheActivities() {
        // 14:50:00 starts a caller who waits 5 min (abandons); 14:52:30 one who waits 10 s and talks 60 s
        store("slow", CallOutcome.ABANDONED, 300, 0, NOW.minusSeconds(600));
        store("fast", CallOutcome.ANSWERED, 10, 60, NOW.minusSeconds(450));
        QueueStatistics statistics = new QueueStatistics(properties, clock, NOW);
        QueueTimeline timeline = new QueueTimeline(Map::of, statistics, properties, clock);

        timeline.rebuild(new QueueCallLog(jdbc));

        List<QueueTimeline.Point> support = timeline.today().get("support");
        // one point a minute from the day's start in Berlin (23:00 UTC) up to a minute before now
        assertThat(support).hasSize(16 * 60);
        assertThat(support.get(0).at()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(support.get(support.size() - 1).at()).isEqualTo(NOW.minusSeconds(60));
        assertThat(pointAt(support, "14:49:00Z").waiting()).isZero();
        assertThat(pointAt(support, "14:50:00Z").waiting()).isEqualTo(1);
        assertThat(pointAt(support, "14:53:00Z").waiting())
                .as("the second caller was answered after 10 s")
                .isEqualTo(1);
        assertThat(pointAt(support, "14:55:00Z").waiting())
                .as("the first caller hung up at 14:55:00")
                .isZero();
        assertThat(pointAt(support, "14:53:00Z").serviceLevel())
                .as("no call had ended yet")
                .isNull();
        assertThat(pointAt(support, "14:54:00Z").serviceLevel())
                .as("the answered call ended at 14:53:40, within the threshold")
                .isEqualTo(1.0);
        assertThat(pointAt(support, "14:59:00Z").serviceLevel())
                .as("then the abandon after 300 s counts against it")
                .isEqualTo(0.5);
    }

    private static QueueTimeline.Point pointAt(List<QueueTimeline.Point> points, String utcTime) {
        Instant at = Instant.parse("2026-11-25T" + utcTime);
        return points.stream()
                .filter(point -> point.at().equals(at))
                .findFirst()
                .orElseThrow();
    }

    private static CallEnded ended(String id, CallOutcome outcome, long wait, long talk, Instant started) {
        return QueueCalls.ended(id, "+4930" + id.hashCode(), "support", outcome, wait, talk, started, "2001");
    }

    private static void store(String id, CallOutcome outcome, long wait, long talk, Instant started) {
        Instant end = started.plusSeconds(wait + talk);
        jdbc.update(
                "insert into activities (call_id, direction, outcome, queue, started_at, ended_at, ring_seconds,"
                        + " wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                        + " values (?, 'INBOUND', ?, 'support', ?, ?, 3, ?, ?, false, ?, 0)",
                id,
                outcome.name(),
                OffsetDateTime.ofInstant(started, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(end, ZoneOffset.UTC),
                wait,
                talk,
                OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
    }
}
