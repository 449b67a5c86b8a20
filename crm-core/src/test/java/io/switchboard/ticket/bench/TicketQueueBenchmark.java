package io.switchboard.ticket.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.Latencies;
import io.switchboard.testing.SharedPostgres;
import io.switchboard.testing.TestClock;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.TicketWorkbench;
import io.switchboard.ticket.WorkbenchQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket workbench's views over a large backlog in an embedded PostgreSQL with its default settings: N open
 * tickets (two SLA clocks each, a contact each) of which 40 % wait unassigned in Tier 1's queue, 10 % in Tier 2's and
 * the rest are assigned to the tiers' 40 members, plus as many closed tickets (a year of history). Each view is asked
 * as the workbench page asks it (one page of 25 with its total, the rows loaded with clocks and calls), first
 * uncounted to warm up, then R times, and its latency percentiles are printed with the queue query's plan.
 *
 * <pre>./mvnw -q -pl crm-core -Pbench-ticket-queue test-compile exec:exec [-Dbench.tickets=100000]
 * [-Dbench.rounds=1000]</pre>
 *
 * Target: a tier's queue, 25 rows of 40,000 waiting, p99 at most 100 ms at 100,000 open tickets.
 */
public final class TicketQueueBenchmark {

    private static final Instant T0 = Instant.parse("2026-06-08T08:00:00Z");
    private static final int MEMBERS_PER_TIER = 20;
    private static final int PAGE = 25;

    private TicketQueueBenchmark() {}

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf(Locale.ROOT, "Load average before: %s%n", Latencies.loadAverage());
        try (EmbeddedPostgres postgres = SharedPostgres.start(true);
                ConfigurableApplicationContext context = application(postgres)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            context.getBean(TestClock.class).set(T0);
            Staff staff = staff(context);
            long started = System.nanoTime();
            seed(jdbc, tickets, staff);
            System.out.printf(
                    Locale.ROOT,
                    "Seeded %,d open and %,d closed tickets (%,d SLA clocks, %,d contacts) in %.1f s%n",
                    tickets,
                    tickets,
                    4L * tickets,
                    tickets,
                    (System.nanoTime() - started) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "Waiting in Tier 1's queue: %,d%n",
                    jdbc.queryForObject(
                            "select count(*) from tickets where tier = 'Tier 1' and assignee_id is null"
                                    + " and status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')",
                            Long.class));

            TicketWorkbench workbench = context.getBean(TicketWorkbench.class);
            Viewer member = staff.tierOneMember().viewer();
            Viewer admin = staff.admin().viewer();
            measure(
                    "Tier 1 queue (TIERS view, most urgent first)",
                    rounds,
                    () -> workbench
                            .find(WorkbenchQuery.of(WorkbenchQuery.View.TIERS), member, 0, PAGE)
                            .getTotalElements());
            measure(
                    "Tier 1 queue, page 40",
                    rounds,
                    () -> workbench
                            .find(WorkbenchQuery.of(WorkbenchQuery.View.TIERS), member, 40, PAGE)
                            .getTotalElements());
            measure(
                    "Tier 1 queue, by priority",
                    rounds,
                    () -> workbench
                            .find(
                                    new WorkbenchQuery(
                                            WorkbenchQuery.View.TIERS,
                                            null,
                                            Set.of(),
                                            Set.of(),
                                            null,
                                            WorkbenchQuery.Sort.PRIORITY),
                                    member,
                                    0,
                                    PAGE)
                            .getTotalElements());
            measure(
                    "Tier 1 queue, searching 'printer'",
                    rounds,
                    () -> workbench
                            .find(
                                    new WorkbenchQuery(
                                            WorkbenchQuery.View.TIERS,
                                            "printer",
                                            Set.of(),
                                            Set.of(),
                                            null,
                                            WorkbenchQuery.Sort.URGENCY),
                                    member,
                                    0,
                                    PAGE)
                            .getTotalElements());
            measure(
                    "My tickets (MINE view)",
                    rounds,
                    () -> workbench
                            .find(WorkbenchQuery.of(WorkbenchQuery.View.MINE), member, 0, PAGE)
                            .getTotalElements());
            measure(
                    "All open tickets (ALL view, admin)",
                    rounds,
                    () -> workbench
                            .find(WorkbenchQuery.of(WorkbenchQuery.View.ALL), admin, 0, PAGE)
                            .getTotalElements());

            String queue = " from tickets t where t.assignee_id is null and t.tier in ('Tier 1')"
                    + " and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')";
            explain(
                    jdbc,
                    "the queue's page (the ids; the rows are then read by id)",
                    "select t.id" + queue + " order by t.next_check_at asc nulls last, t.created_at, t.id limit 25");
            explain(jdbc, "the queue's count", "select count(*)" + queue);
            explain(
                    jdbc,
                    "the queue's page by priority",
                    "select t.id" + queue + " order by case t.priority"
                            + " when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,"
                            + " t.next_check_at asc nulls last, t.created_at, t.id limit 25");
        }
        System.out.printf(Locale.ROOT, "Load average after: %s%n", Latencies.loadAverage());
    }

    private static void explain(JdbcTemplate jdbc, String what, String sql) {
        System.out.println("Plan of " + what + ":");
        jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)
                .forEach(line -> System.out.println("  " + line));
    }

    private static void measure(String name, int rounds, Supplier<Long> view) {
        Latencies latencies = Latencies.measure(Math.max(50, rounds / 10), rounds, view::get);
        System.out.printf(
                Locale.ROOT,
                "%-45s %,7d tickets: %s (%d calls)%n",
                name,
                latencies.lastResult(),
                latencies.summary(),
                rounds);
    }

    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(CrmTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + SharedPostgres.jdbcUrl(postgres),
                        "spring.datasource.username=postgres",
                        "spring.main.banner-mode=off",
                        "switchboard.tickets.scheduler.enabled=false",
                        "logging.level.root=WARN")
                .run();
    }

    private record Staff(List<Long> tierOne, List<Long> tierTwo, DirectoryUser tierOneMember, DirectoryUser admin) {}

    private static Staff staff(ConfigurableApplicationContext context) {
        Directory directory = context.getBean(Directory.class);
        SupportTiers tiers = context.getBean(SupportTiers.class);
        List<List<Long>> members = new ArrayList<>();
        for (int level = 1; level <= 2; level++) {
            TeamId team = directory.team("Level " + level);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < MEMBERS_PER_TIER; i++) {
                DirectoryUser user =
                        directory.add(new NewUser("agent" + level + "-" + i, null, Role.AGENT, team, null));
                tiers.addMember("Tier " + level, user.id());
                ids.add(user.id().value());
            }
            members.add(ids);
        }
        DirectoryUser admin = directory.add(new NewUser("bench-admin", null, Role.ADMIN, null, null));
        // the sixth member of Tier 1 holds 5 % of the open tickets (see seed)
        DirectoryUser holder = directory.find(new UserId(members.get(0).get(5))).orElseThrow();
        return new Staff(members.get(0), members.get(1), holder, admin);
    }

    /**
     * Tickets 1..N are open, N+1..2N closed. Of the open ones, g % 10 in 0-3 wait in Tier 1's queue, 4 in Tier 2's,
     * the rest are assigned in Tier 1 (5-7) or Tier 2 (8-9). Their next SLA check is spread over the coming weeks.
     */
    private static void seed(JdbcTemplate jdbc, int tickets, Staff staff) {
        String one = staff.tierOne().stream().map(String::valueOf).collect(Collectors.joining(","));
        String two = staff.tierTwo().stream().map(String::valueOf).collect(Collectors.joining(","));
        String start = "timestamptz '" + T0 + "'";
        jdbc.update("insert into contacts (id, name, visibility, created_at, updated_at, version)"
                + " select g, 'Customer ' || g, 'COMPANY', " + start + ", " + start + ", 0"
                + " from generate_series(1, " + tickets + ") g");
        String open = "case when g % 10 < 5 then null when g % 10 < 8 then (array[" + one + "])[1 + g % "
                + MEMBERS_PER_TIER + "] else (array[" + two + "])[1 + g % " + MEMBERS_PER_TIER + "] end";
        jdbc.update("insert into tickets (id, subject, description, priority, status, contact_id, tier, assignee_id,"
                + " opened_by, sla_policy, sla_calendar, created_at, updated_at, next_check_at, version)"
                + " select g, case when g % 97 = 0 then 'Printer jam ' else 'Bench ticket ' end || g, null,"
                + " (array['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], case when g > " + tickets
                + " then 'CLOSED' when g % 3 = 0 then 'OPEN' else 'NEW' end, 1 + (g - 1) % " + tickets + ","
                + " case when g % 10 in (4, 8, 9) then 'Tier 2' else 'Tier 1' end,"
                + " case when g > " + tickets + " then (case when g % 3 = 0 then null else (array[" + one
                + "])[1 + g % " + MEMBERS_PER_TIER + "] end) else " + open + " end, null, 'NORMAL', 'default',"
                + " " + start + " - (g % 5000) * interval '1 minute', " + start + ","
                + " case when g > " + tickets + " then null else " + start + " + (g % 40000) * interval '1 minute'"
                + " end, 0 from generate_series(1, " + 2L * tickets + ") g");
        jdbc.execute("select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets))");
        for (String target : List.of("FIRST_RESPONSE", "RESOLUTION")) {
            jdbc.update("insert into ticket_sla_clocks (ticket_id, target, target_seconds, consumed_seconds,"
                    + " running_since, warn_at, due_at, met_at) select id, '" + target + "', 28800, 0,"
                    + " case when status = 'CLOSED' then null else created_at end,"
                    + " case when status = 'CLOSED' then null else next_check_at end,"
                    + " case when status = 'CLOSED' then null else next_check_at + interval '2 hours' end,"
                    + " case when status = 'CLOSED' then updated_at end from tickets");
        }
        // what autovacuum does on a live system: statistics, and the visibility map for index-only counts
        jdbc.execute("vacuum analyze");
    }
}
