package io.switchboard.ticket.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.Latencies;
import io.switchboard.testing.SharedPostgres;
import io.switchboard.testing.TestClock;
import io.switchboard.ticket.EscalationPass;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.SupportTiers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One escalation scheduler pass over a large open backlog: N open tickets (three SLA clocks each) in an embedded
 * PostgreSQL with its default, durable settings; in each of P rounds D of them reach their resolution warning, and
 * one pass must find, lock and escalate them (to the next tier, least-loaded member, history, notices). A first,
 * uncounted round warms the JVM up, as a server that has been running is.
 *
 * <pre>./mvnw -q -pl crm-core -Pbench-escalation test-compile exec:exec [-Dbench.tickets=100000] [-Dbench.due=1000]
 * [-Dbench.passes=5]</pre>
 *
 * Target: one pass over 100,000 open tickets finds and escalates the due ones within 1 s.
 */
public final class EscalationBenchmark {

    /** Monday 8 June 2026, 10:00 in Berlin: inside the test calendar's office hours. */
    private static final Instant T0 = Instant.parse("2026-06-08T08:00:00Z");

    private static final Duration ROUND = Duration.ofMinutes(10);
    private static final int MEMBERS_PER_TIER = 20;

    private EscalationBenchmark() {}

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // one more round than measured: the first pass runs on a cold JVM (no JIT, Hibernate's first queries)
        int rounds = passes + 1;
        if ((long) due * rounds > tickets) {
            throw new IllegalArgumentException("due x (passes + 1) must not exceed the tickets");
        }
        System.out.printf(Locale.ROOT, "Load average before: %s%n", Latencies.loadAverage());
        try (EmbeddedPostgres postgres = SharedPostgres.start(true);
                ConfigurableApplicationContext context = application(postgres)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<Long> firstTier = staff(context);
            long started = System.nanoTime();
            seed(jdbc, tickets, due, rounds, firstTier);
            System.out.printf(
                    Locale.ROOT,
                    "Seeded %,d open tickets (%,d SLA clocks, %,d history rows) in %.1f s%n",
                    tickets,
                    3L * tickets,
                    tickets,
                    (System.nanoTime() - started) / 1e9);

            TestClock clock = context.getBean(TestClock.class);
            Escalations escalations = context.getBean(Escalations.class);
            clock.set(T0.minusSeconds(60));
            escalations.runDue();
            EscalationPass idle = escalations.runDue();
            System.out.printf(
                    Locale.ROOT, "Pass with nothing due: %.1f ms%n", idle.took().toNanos() / 1e6);

            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                clock.set(T0.plus(ROUND.multipliedBy(round)).plus(ROUND.dividedBy(2)));
                EscalationPass pass = escalations.runDue();
                double ms = pass.took().toNanos() / 1e6;
                if (round > 0) {
                    millis.add(ms);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s: %,d due, %,d escalated in %.0f ms = %,.0f escalations/s%n",
                        round == 0 ? "First pass (cold JVM, not counted)" : "Pass " + round,
                        pass.checked(),
                        pass.escalated(),
                        ms,
                        pass.escalated() / (ms / 1000));
                if (pass.escalated() != due) {
                    throw new IllegalStateException("expected " + due + " escalations, got " + pass.escalated());
                }
            }
            Long escalated = jdbc.queryForObject(
                    "select count(*) from ticket_history where kind = 'ESCALATED_ON_WARNING'", Long.class);
            List<Double> sorted = millis.stream().sorted().toList();
            System.out.printf(
                    Locale.ROOT,
                    "Median pass %.0f ms, slowest %.0f ms; %,d escalations recorded (expected %,d)%n",
                    sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1),
                    escalated,
                    (long) due * rounds);
        }
        System.out.printf(Locale.ROOT, "Load average after: %s%n", Latencies.loadAverage());
    }

    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(CrmTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + SharedPostgres.jdbcUrl(postgres),
                        "spring.datasource.username=postgres",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
    }

    /** Twenty members in each tier; returns the first tier's, who hold the backlog. */
    private static List<Long> staff(ConfigurableApplicationContext context) {
        Directory directory = context.getBean(Directory.class);
        SupportTiers tiers = context.getBean(SupportTiers.class);
        List<Long> firstTier = new ArrayList<>();
        for (int level = 1; level <= 3; level++) {
            TeamId team = directory.team("Level " + level);
            directory.add(new NewUser("supervisor" + level, null, Role.SUPERVISOR, team, null));
            for (int i = 0; i < MEMBERS_PER_TIER; i++) {
                DirectoryUser user =
                        directory.add(new NewUser("agent" + level + "-" + i, null, Role.AGENT, team, null));
                tiers.addMember("Tier " + level, user.id());
                if (level == 1) {
                    firstTier.add(user.id().value());
                }
            }
        }
        return firstTier;
    }

    /**
     * Open tickets in Tier 1, answered once (first response met; next update and resolution running). Tickets
     * {@code round * due} to {@code (round + 1) * due - 1} reach their resolution warning in round {@code round};
     * all others (and every other clock) weeks later.
     */
    private static void seed(JdbcTemplate jdbc, int tickets, int due, int rounds, List<Long> firstTier) {
        String members = firstTier.stream().map(String::valueOf).collect(Collectors.joining(","));
        OffsetDateTime t0 = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
        OffsetDateTime created = t0.minusDays(2);
        String start = "timestamptz '" + T0 + "'";
        String resolutionWarn = "case when g <= " + (long) due * rounds + " then " + start + " + ((g - 1) / " + due
                + ") * interval '" + ROUND.toMinutes() + " minutes' + ((g - 1) % " + due
                + ") * interval '1 millisecond'"
                + " else " + start + " + interval '30 days' + g * interval '1 second' end";
        // a plain table: the statements below may each get another pooled connection
        jdbc.execute("create unlogged table bench_due as select g, " + resolutionWarn
                + " as warn from generate_series(1, " + tickets + ") g");
        jdbc.update(
                "insert into tickets (id, subject, description, priority, status, tier, assignee_id, opened_by,"
                        + " sla_policy, sla_calendar, created_at, updated_at, first_responded_at, next_check_at,"
                        + " version) select g, 'Bench ticket ' || g, 'Generated for the escalation benchmark',"
                        + " 'NORMAL', 'OPEN', 'Tier 1', (array[" + members + "])[1 + g % " + firstTier.size() + "],"
                        + " (array[" + members + "])[1 + g % " + firstTier.size() + "], 'NORMAL', 'default', ?, ?, ?,"
                        + " warn, 0 from bench_due",
                created,
                created,
                created);
        jdbc.execute("select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets))");
        jdbc.update(
                "insert into ticket_sla_clocks (ticket_id, target, target_seconds, consumed_seconds, running_since,"
                        + " warn_at, due_at, met_at) select g, 'FIRST_RESPONSE', 7200, 3600, null, null, null, ?"
                        + " from bench_due",
                created);
        jdbc.update(
                "insert into ticket_sla_clocks (ticket_id, target, target_seconds, consumed_seconds, running_since,"
                        + " warn_at, due_at) select g, 'NEXT_UPDATE', 14400, 0, ?, ?::timestamptz + interval '40 days',"
                        + " ?::timestamptz + interval '41 days' from bench_due",
                t0,
                t0,
                t0);
        jdbc.update(
                "insert into ticket_sla_clocks (ticket_id, target, target_seconds, consumed_seconds, running_since,"
                        + " warn_at, due_at) select g, 'RESOLUTION', 36000, 0, ?, warn, warn + interval '2 hours'"
                        + " from bench_due",
                created);
        jdbc.update(
                "insert into ticket_history (ticket_id, changed_at, actor_id, kind, to_value)"
                        + " select g, ?, (array[" + members + "])[1 + g % " + firstTier.size() + "], 'CREATED',"
                        + " 'Tier 1' from bench_due",
                created);
        jdbc.execute("drop table bench_due");
        jdbc.execute("analyze");
    }
}
