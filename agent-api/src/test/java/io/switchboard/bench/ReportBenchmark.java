package io.switchboard.bench;

import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.queue.QueueIntervals;
import io.switchboard.queue.QueueProperties;
import io.switchboard.queue.ReportStep;
import io.switchboard.report.CallHistory;
import io.switchboard.report.CallHistoryFilter;
import io.switchboard.report.CallSort;
import io.switchboard.report.QueueRollup;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports on a year of a 200-agent centre (README, "Reports: call history and interval reports"): generates
 * {@code bench.calls} activities (10 million) in an embedded PostgreSQL with one {@code generate_series} insert, then
 * times the production classes: a day's and a month's interval report, the call history's first page, and the CSV
 * export of a month with the heap watched. Not a test: run it with
 * {@code ./mvnw -q -pl agent-api -am -Pbench-reports -DskipTests test-compile}.
 */
public final class ReportBenchmark {

    private static final QueueIntervals.Source ROLLUP = QueueIntervals.Source.ROLLUP;

    private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);
    private static final int AGENTS = 200;

    public static void main(String[] args) throws Exception {
        long calls = Long.getLong("bench.calls", 10_000_000L);
        int rounds = Integer.getInteger("bench.rounds", 200);
        String dataDirectory = System.getProperty("bench.data-dir", "");
        try (EmbeddedPostgres postgres = postgres(dataDirectory)) {
            DataSource dataSource = new SingleConnectionDataSource(SharedPostgres.jdbcUrl(postgres), true);
            // on a kept data set this applies only the migrations added since it was generated, as an upgrade would;
            // out of order, since branches merged later bring migrations numbered below ones the set already has
            Flyway.configure().dataSource(dataSource).outOfOrder(true).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long stored = jdbc.queryForObject("select count(*) from activities", Long.class);
            if (stored == 0) {
                generate(jdbc, calls);
            } else if (stored != calls) {
                throw new IllegalStateException("the database in " + dataDirectory + " holds " + stored
                        + " activities, not " + calls + ": use another bench.data-dir");
            } else {
                System.out.printf(Locale.ROOT, "Reusing the %,d activities in %s%n", stored, dataDirectory);
            }
            QueueProperties properties = new QueueProperties(
                    ZoneOffset.UTC,
                    20,
                    0.8,
                    QueueProperties.ShortAbandons.EXCLUDED,
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(10));
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            QueueRollup rollup = new QueueRollup(jdbc, transactions);
            if (stored == 0 || Boolean.getBoolean("bench.rebuild-rollup")) {
                rollUp(jdbc, rollup);
            }
            QueueIntervals intervals = new QueueIntervals(
                    new NamedParameterJdbcTemplate(jdbc), rollup, properties, queue -> properties.defaultRules());
            CallHistory history = new CallHistory(jdbc, transactions, null);
            Viewer admin = new Viewer(new UserId(1), Role.ADMIN, null);
            Viewer supervisor = new Viewer(new UserId(2), Role.SUPERVISOR, new TeamId(firstTeam(jdbc)));
            Random random = new Random(19);
            // -Dbench.only=export or =intervals: one part alone
            String only = System.getProperty("bench.only", "");
            if ("export".equals(only)) {
                export(history, admin);
                return;
            }

            print(
                    "interval report, a day by quarter hour",
                    time(rounds, () -> {
                        LocalDate day = YEAR.plusDays(random.nextInt(365));
                        return intervals.report(day, day, ReportStep.QUARTER_HOUR, null, ROLLUP);
                    }),
                    200);
            print(
                    "interval report, a day by hour",
                    time(rounds, () -> {
                        LocalDate day = YEAR.plusDays(random.nextInt(365));
                        return intervals.report(day, day, ReportStep.HOUR, null, ROLLUP);
                    }),
                    200);
            print(
                    "interval report, a month by day",
                    time(rounds, () -> {
                        LocalDate first = YEAR.plusMonths(random.nextInt(11));
                        return intervals.report(first, first.plusMonths(1).minusDays(1), ReportStep.DAY, null, ROLLUP);
                    }),
                    1000);
            print(
                    "interval report, a month by hour",
                    time(rounds, () -> {
                        LocalDate first = YEAR.plusMonths(random.nextInt(11));
                        return intervals.report(first, first.plusMonths(1).minusDays(1), ReportStep.HOUR, null, ROLLUP);
                    }),
                    1000);
            if ("intervals".equals(only)) {
                return;
            }
            print(
                    "call history first page (admin, last 7 days)",
                    time(rounds, () -> history.page(week(random, CallSort.STARTED, null), admin, 0, 50)),
                    100);
            print(
                    "call history first page (supervisor, last 7 days)",
                    time(rounds, () -> history.page(week(random, CallSort.STARTED, null), supervisor, 0, 50)),
                    100);
            print(
                    "call history first page (admin, 7 days, a caller's number)",
                    time(
                            rounds,
                            () -> history.page(
                                    week(random, CallSort.STARTED, "030 " + (1_000_000 + random.nextInt(8_999_999))),
                                    admin,
                                    0,
                                    50)),
                    100);
            print(
                    "call history first page (admin, 7 days, sorted by wait)",
                    time(Math.max(10, rounds / 5), () -> history.page(week(random, CallSort.WAIT, null), admin, 0, 50)),
                    100);
            export(history, admin);
        }
    }

    /** A year of calls in business hours, 8 queues, 200 agents in 10 teams; indexes built after the insert. */
    private static void generate(JdbcTemplate jdbc, long calls) {
        long started = System.nanoTime();
        jdbc.execute("insert into teams (id, name) select t, 'Bench team ' || t from generate_series(1, 10) t");
        jdbc.execute("insert into users (id, username, display_name, role, team_id, extension, active, created_at)"
                + " select 100 + a, 'bench' || a, 'Bench agent ' || a, 'AGENT', 1 + a / 20, (1000 + a)::text, true,"
                + " now() from generate_series(0, " + (AGENTS - 1) + ") a");
        List<String> indexes = jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'activities'"
                        + " and indexname not in ('activities_pkey', 'activities_call_uk')",
                String.class);
        for (String index : indexes) {
            jdbc.execute("drop index " + index.replaceAll("(?i)^create (unique )?index (\\S+) .*", "$2"));
        }
        jdbc.execute("set maintenance_work_mem = '512MB'");
        // the generated rows are consistent by construction: no foreign key check per row while loading
        jdbc.execute("set session_replication_role = replica");
        jdbc.execute("insert into activities (call_id, direction, outcome, caller_number, callee_number, queue,"
                + " agent_extension, agent_id, team_id, started_at, answered_at, ended_at, ring_seconds, wait_seconds,"
                + " talk_seconds, reconciled, disposition, recorded_at, version)"
                + " select 'bench-' || g, direction, outcome, '+4930' || (1000000 + (r4 * 8999999)::int), '500',"
                + " case when direction = 'INBOUND' then 'queue-' || (g % 8) end,"
                + " case when outcome <> 'ABANDONED' then (1000 + agent)::text end,"
                + " case when outcome <> 'ABANDONED' then 100 + agent end,"
                + " case when outcome <> 'ABANDONED' then 1 + agent / 20 end,"
                + " started, case when outcome = 'ANSWERED' then started + wait * interval '1 second' end,"
                + " started + (wait + talk) * interval '1 second', 3, wait, talk, false,"
                + " case when outcome = 'ANSWERED' and r3 < 0.6 then (array['SOLVED', 'CALLBACK', 'SALE',"
                + " 'COMPLAINT', 'INFO'])[1 + (r3 * 8)::int % 5] end, started, 0"
                + " from (select g, agent, direction, outcome, started, r3, r4,"
                + "  case when outcome = 'ANSWERED' then least(600, floor(-ln(1 - r2) * 20))::int"
                + "   else least(900, floor(-ln(1 - r2) * 45))::int end as wait,"
                + "  case when outcome = 'ANSWERED' then 20 + floor(-ln(1 - r3) * 180)::int else 0 end as talk"
                + "  from (select g, (g * 7919) % " + AGENTS + " as agent,"
                + "   case when random() < 0.9 then 'INBOUND' else 'OUTBOUND' end as direction,"
                + "   case when r1 < 0.86 then 'ANSWERED' when r1 < 0.94 then 'ABANDONED' when r1 < 0.97 then"
                + "   'MISSED' else 'NO_ANSWER' end as outcome,"
                + "   timestamp with time zone '" + YEAR + " 08:00:00+00' + (g * 365 / " + calls + ") * interval"
                + "   '1 day' + random() * interval '12 hours' as started, random() as r2, random() as r3,"
                + "   random() as r4"
                + "   from (select g, random() as r1 from generate_series(1::bigint, " + calls + ") g) s) t) u");
        // one call in 33 answered ones was transferred: two legs, the first ending with the transfer
        jdbc.execute("insert into activity_legs (call_id, seq, queue, agent_extension, started_at, answered_at,"
                + " ended_at, transferred) select call_id, s, queue, agent_extension, started_at, answered_at,"
                + " ended_at, s = 0 from activities, generate_series(0, 1) s where id % 33 = 0"
                + " and outcome = 'ANSWERED'");
        // the call's flag, as the recorder stores it with the legs
        jdbc.execute("update activities set transferred = true where id % 33 = 0 and outcome = 'ANSWERED'");
        jdbc.execute("set session_replication_role = origin");
        long inserted = System.nanoTime();
        for (String index : indexes) {
            jdbc.execute(index);
        }
        jdbc.execute("vacuum analyze activities");
        jdbc.execute("vacuum analyze activity_legs");
        long done = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "generated %,d activities: insert %.0f s (%,.0f rows/s), indexes and vacuum"
                        + " %.0f s; table %s, indexes %s%n",
                jdbc.queryForObject("select count(*) from activities", Long.class),
                (inserted - started) / 1e9,
                calls / ((inserted - started) / 1e9),
                (done - inserted) / 1e9,
                jdbc.queryForObject("select pg_size_pretty(pg_table_size('activities'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_indexes_size('activities'))", String.class));
    }

    /** Rolls the whole year up as the first start after the upgrade would (the backfill), timed. */
    private static void rollUp(JdbcTemplate jdbc, QueueRollup rollup) {
        QueueRollup.Rebuilt rolledUp = rollup.rebuildAll();
        System.out.printf(
                Locale.ROOT,
                "rolled up %,d calls in %.0f s (%,.0f calls/s): the first start's backfill; rollup %s%n",
                rolledUp.calls(),
                rolledUp.millis() / 1e3,
                rolledUp.calls() / (rolledUp.millis() / 1e3),
                jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('queue_rollup'))", String.class));
    }

    /**
     * A throw-away server, or with {@code bench.data-dir} one whose data stays in that folder: the year is generated
     * and rolled up once (about 10 minutes), and later runs time the reports on it at once.
     */
    private static EmbeddedPostgres postgres(String dataDirectory) throws IOException {
        if (dataDirectory.isBlank()) {
            return SharedPostgres.start(false);
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(dataDirectory))
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    private static long firstTeam(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select min(id) from teams", Long.class);
    }

    private static CallHistoryFilter week(Random random, CallSort sort, String number) {
        Instant end = YEAR.plusDays(7 + random.nextInt(358))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(random.nextInt(86_400));
        String digits = number == null ? null : number.replaceAll("[^0-9]", "");
        return CallHistoryFilter.all(end.minus(Duration.ofDays(7)), end, sort, false)
                .withNumberDigits(digits);
    }

    /** Milliseconds of each of {@code rounds} runs, after a tenth as many unmeasured ones. */
    private static List<Double> time(int rounds, Supplier<Object> run) {
        for (int i = 0; i < Math.max(3, rounds / 10); i++) {
            run.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static void print(String what, List<Double> millis, double target) {
        double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        System.out.printf(
                Locale.ROOT,
                "%-62s n=%4d  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  (target p99 <= %.0f ms)" + "%s%n",
                what,
                millis.size(),
                millis.get(millis.size() / 2),
                p99,
                millis.get(millis.size() - 1),
                target,
                p99 <= target ? "" : "  MISSED");
    }

    /**
     * A month exported as CSV three times, each time read and mapped only first (no CSV: what the database and the
     * driver cost), then as the export writes it; into a stream that only counts, the heap sampled every 10 ms.
     */
    private static void export(CallHistory history, Viewer admin) throws Exception {
        Instant from = YEAR.plusMonths(5).atStartOfDay(ZoneOffset.UTC).toInstant();
        CallHistoryFilter month = CallHistoryFilter.all(
                from, YEAR.plusMonths(6).atStartOfDay(ZoneOffset.UTC).toInstant(), CallSort.STARTED, true);
        for (int run = 1; run <= 3; run++) {
            measureExport("read and mapped, no CSV", run, out -> {
                AtomicLong rows = new AtomicLong();
                history.each(month, admin, row -> rows.incrementAndGet());
                return rows.get();
            });
            measureExport("CSV (the export)", run, out -> history.exportCsv(month, admin, out));
        }
    }

    /** What one way of exporting writes. */
    private interface Export {
        long into(CountingStream out) throws Exception;
    }

    private static void measureExport(String way, int run, Export export) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        long rows = export.into(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf(
                Locale.ROOT,
                "export of a month, %-26s (run %d): %,d rows, %,.0f MB in %.2f s = %,.0f rows/s"
                        + " (target >= 50,000); heap %d MB before, peak %d MB, max heap %d MB%n",
                way,
                run,
                rows,
                out.bytes / 1e6,
                seconds,
                rows / seconds,
                before >> 20,
                peak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Counts what an HTTP response would carry, and drops it. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
