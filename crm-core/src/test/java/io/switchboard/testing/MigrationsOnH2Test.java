package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityQuery;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.contact.CallerLookup;
import io.switchboard.contact.ColumnMapping;
import io.switchboard.contact.ContactImporter;
import io.switchboard.contact.ImportOptions;
import io.switchboard.contact.ImportReport;
import io.switchboard.contact.MatchRank;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallLeg;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import io.switchboard.ticket.ChangeKind;
import io.switchboard.ticket.EscalationPass;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.Ticket;
import io.switchboard.ticket.TicketChange;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.TicketQuery;
import io.switchboard.ticket.Tickets;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's database: an H2 file in PostgreSQL mode. The same migrations must run on it unchanged, the
 * entities must fit the schema (Hibernate validates it), and the hand-written SQL of lookup, import, activities
 * and tickets must run (the escalation scheduler's {@code for update skip locked} too).
 */
@SpringBootTest(classes = CrmTestApplication.class)
class MigrationsOnH2Test {

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./target/h2-smoke/" + UUID.randomUUID()
                        + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContactImporter importer;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Directory directory;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityHistory history;

    @Autowired
    Tickets tickets;

    @Autowired
    Escalations escalations;

    @Autowired
    SupportTiers tiers;

    @Autowired
    TestClock clock;

    @Autowired
    io.switchboard.campaign.Campaigns campaigns;

    @Autowired
    io.switchboard.campaign.list.LeadImports leadImports;

    @Autowired
    io.switchboard.campaign.LeadQueue leadQueue;

    @Autowired
    io.switchboard.lease.Lease dialerLease;

    @Test
    void migrationsRunOnH2InPostgresMode() {
        assertThat(jdbc.queryForObject("select database_path() is not null", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select version from flyway_schema_history where version is not null order by installed_rank",
                        String.class))
                .containsExactly(
                        "1", "2", "3", "4", "5", "5.1", "5.5", "6.1", "6.2", "6.3", "17.2", "17.4", "17.5", "18.50",
                        "19.1", "19.17", "19.20", "21.16", "22.18", "22.19", "22.40", "22.41", "22.60", "23.1", "23.2",
                        "23.3", "23.4", "23.5", "24.10", "24.20", "24.21", "24.22", "24.30", "24.50", "24.51", "24.60",
                        "24.80", "24.95");
    }

    @Test
    void agentEventsAreAppendOnlyOnH2AsOnPostgres() {
        jdbc.update("insert into agent_events (agent, kind, occurred_at, queue, state) values"
                + " ('h2-append', 'STATE', current_timestamp, 'support', 'LOGGED_IN')");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update agent_events set state = 'PAUSED' where agent = 'h2-append'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("delete from agent_events where agent = 'h2-append'"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select state from agent_events where agent = 'h2-append'", String.class))
                .isEqualTo("LOGGED_IN");
    }

    @Autowired
    io.switchboard.directory.TeamAdministration teamAdministration;

    @Autowired
    io.switchboard.directory.TeamScopes teamScopes;

    @Autowired
    io.switchboard.contact.Contacts contacts;

    @Autowired
    io.switchboard.contact.ContactSearch contactSearch;

    @Test
    void aSupervisorAssignedAnotherTeamSeesItsPrivateContactsOnH2() {
        io.switchboard.directory.TeamId own = directory.team("H2 own team");
        io.switchboard.directory.TeamId other = directory.team("H2 other team");
        DirectoryUser supervisor = directory.add(new NewUser("h2supervisor", null, Role.SUPERVISOR, own, null));
        DirectoryUser agent = directory.add(new NewUser("h2scopedagent", null, Role.AGENT, other, null));
        Viewer admin = directory
                .add(new NewUser("h2teamadmin", null, Role.ADMIN, null, null))
                .viewer();
        contacts.create(new io.switchboard.contact.NewContact(
                "H2 scoped customer",
                null,
                null,
                agent.id(),
                other,
                io.switchboard.contact.Visibility.PRIVATE,
                java.util.Set.of(),
                null,
                List.of()));
        io.switchboard.contact.ContactFilter filter = io.switchboard.contact.ContactFilter.text("H2 scoped");
        assertThat(contactSearch
                        .find(filter, teamScopes.viewer(supervisor), 0, 10)
                        .getContent())
                .isEmpty();

        teamAdministration.setSupervisors(other.value(), List.of("h2supervisor"), admin);

        assertThat(contactSearch
                        .find(filter, teamScopes.viewer(supervisor), 0, 10)
                        .getContent())
                .hasSize(1);
    }

    @Test
    void importAndLookupWorkOnH2() {
        Viewer admin =
                directory.add(new NewUser("root", null, Role.ADMIN, null, null)).viewer();
        ImportReport report = importer.importCsv(
                new StringReader("name,company,phone,tags\nAda,Engines,030 1234567,vip\nOdd,,0151-1234567,\n"),
                ImportOptions.of(new ColumnMapping("name", "company", null, "phone", null, "tags", null, null)));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.unparseablePhones()).isEqualTo(1);
        assertThat(lookup.lookup("+49301234567", admin).rank()).isEqualTo(MatchRank.EXACT);
        assertThat(lookup.lookup("+44 20 01234567", admin).rank()).isEqualTo(MatchRank.TRAILING_DIGITS);
        assertThat(lookup.lookup("01511234567", admin).rank()).isEqualTo(MatchRank.NATIONAL);
    }

    @Test
    void activitiesAreWrittenOnceAndReadBackOnH2() {
        Viewer admin = directory
                .add(new NewUser("h2admin", null, Role.ADMIN, null, null))
                .viewer();
        Instant started = Instant.parse("2026-11-02T12:00:00Z");
        CallEnded call = new CallEnded(
                "h2.1",
                started.plusSeconds(60),
                CallDirection.INBOUND,
                Party.of("+49301234567", null),
                "500",
                "support",
                "1001",
                "1001",
                "1001",
                started,
                started.plusSeconds(5),
                5,
                5,
                55,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of());

        recorder.record(call);
        recorder.record(call);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.pending() == 0
                        && history.findByCallId("h2.1", admin).isPresent());
        assertThat(history.find(ActivityQuery.all(), admin, 0, 10).getContent())
                .singleElement()
                .satisfies(activity -> {
                    assertThat(activity.startedAt()).isEqualTo(started);
                    assertThat(activity.talkSeconds()).isEqualTo(55);
                });
        // a transferred call keeps its queue and agent legs on H2 too
        recorder.record(new CallEnded(
                "h2.2",
                started.plusSeconds(90),
                CallDirection.INBOUND,
                Party.of("+49301234567", null),
                "500",
                "sales",
                "1001",
                "1001",
                "1004",
                started,
                started.plusSeconds(5),
                5,
                5,
                85,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of(
                        new CallLeg("support", "1001", started, started.plusSeconds(5), started.plusSeconds(30), true),
                        new CallLeg(
                                "sales",
                                "1004",
                                started.plusSeconds(30),
                                started.plusSeconds(35),
                                started.plusSeconds(90),
                                false))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> history.findByCallId("h2.2", admin).isPresent());
        assertThat(history.findByCallId("h2.2", admin).orElseThrow().path())
                .extracting(leg -> leg.agentExtension())
                .containsExactly("1001", "1004");
    }

    @Test
    void ticketsOpenEscalateAndListOnH2() {
        DirectoryUser agent = directory.add(new NewUser("h2agent", null, Role.AGENT, directory.team("H2"), "1201"));
        DirectoryUser engineer = directory.add(new NewUser("h2engineer", null, Role.AGENT, null, "1202"));
        tiers.addMember("Tier 1", agent.id());
        tiers.addMember("Tier 2", engineer.id());
        clock.set(Instant.parse("2026-06-08T08:00:00Z"));
        Ticket ticket = tickets.open(NewTicket.of("H2 ticket", TicketPriority.URGENT, null), agent.viewer());

        clock.set(Instant.parse("2026-06-08T09:00:00Z"));
        EscalationPass pass = escalations.runDue();

        assertThat(pass.breaches()).isEqualTo(1);
        assertThat(escalations.runDue().checked()).isZero();
        assertThat(tickets.find(TicketQuery.assignedTo(engineer.id()), engineer.viewer(), 0, 10)
                        .getContent())
                .extracting(Ticket::id)
                .containsExactly(ticket.id());
        assertThat(tickets.history(ticket.id(), engineer.viewer()))
                .extracting(TicketChange::kind)
                .contains(ChangeKind.CREATED, ChangeKind.ESCALATED_ON_BREACH);
    }

    @Test
    void campaignListsImportAndLeadsAreClaimedOnH2() {
        Instant bothOpen = Instant.parse("2026-06-08T14:00:00Z");
        clock.set(bothOpen);
        Viewer manager = directory
                .add(new NewUser("h2manager", null, Role.CAMPAIGN_MANAGER, null, null))
                .viewer();
        DirectoryUser agent = directory.add(new NewUser("h2dialer", null, Role.AGENT, null, "1301"));
        io.switchboard.campaign.Campaign campaign = campaigns.create(
                io.switchboard.campaign.CampaignSettings.defaults("H2 campaign", "sales")
                        .withAgents(java.util.Set.of(agent.id())),
                manager);
        campaigns.start(campaign.id(), manager);
        io.switchboard.campaign.list.LeadImport imported = leadImports.importCsv(
                campaign.id(),
                "h2.csv",
                new StringReader(
                        "number,name,extra\n+1 212 736 5000,Ada,x\n+12127365000,Ada,y\n0301234567,Bert,\nbad,Bad,\n"),
                io.switchboard.campaign.list.LeadImportOptions.of(
                        io.switchboard.campaign.list.LeadColumns.of("number", "name")),
                manager);
        assertThat(imported.imported()).isEqualTo(2);
        assertThat(imported.merged()).isEqualTo(1);
        assertThat(imported.rejected()).isEqualTo(1);

        java.util.List<io.switchboard.campaign.DialableLead> claimed = leadQueue.claim(campaign.id(), 5, bothOpen);
        assertThat(claimed).hasSize(2);
        assertThat(leadQueue.claim(campaign.id(), 5, bothOpen)).isEmpty();
        leadQueue.attemptEnded(
                claimed.get(0).attemptId(),
                io.switchboard.campaign.AttemptOutcome.HUMAN_ANSWERED,
                "h2-call",
                "1301",
                bothOpen);
        leadQueue.dispose(claimed.get(0).attemptId(), "SALE", java.util.Optional.empty(), false, agent.viewer());
        assertThat(dialerLease.tryAcquire("h2-node", Duration.ofSeconds(10))).isTrue();
        assertThat(dialerLease.tryAcquire("other", Duration.ofSeconds(10))).isFalse();
    }
}
