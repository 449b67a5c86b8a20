package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.cluster.CallDriver.PlacedCall;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserId;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 20's rolling restart: three nodes on one PostgreSQL, two simulated PBXes over TCP, desktops spread over the
 * nodes, queue calls on both PBXes all along and a preview campaign being worked; node 1, then 2, then 3 is stopped,
 * left down for a moment and started again. Each stop moves that node's PBX links, dialer lease and desktops to the
 * others (the desktops as a browser would: a new socket on another node); after the node is back, its desktops
 * return to it (new socket first, then the old one closed, so no gap).
 *
 * <p>What must hold: every call is logged exactly once; every call's pop reaches its agent's desktop, except calls
 * that began (were placed on the PBX) while that desktop had no socket: from one second before the stopping node
 * closed it (a pop already on its way there) until its new socket is held by another node's edge. A PBX link moving
 * between nodes excuses nothing: the stopping node reads on until the next owner has logged in. No desktop gets
 * another agent's pop; after every restart, each node's campaign
 * manager gets the dialing node's campaign progress and each node's engineer an escalation made on another node; every
 * lead of the campaign is dialled exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollingRestartUnderLoadTest {

    private static final String DATABASE = "rolling_restart";
    private static final int AGENTS_PER_PBX = 6;
    private static final int LEADS = 16;
    private static final long MARGIN = TimeUnit.SECONDS.toNanos(1);

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(4);
    private final Map<String, AmiSimulator> pbxes = new LinkedHashMap<>();
    private final Map<String, List<String[]>> agents = new LinkedHashMap<>();
    /** Who sits where: agents, engineers and campaign managers, a third on each node. */
    private final Map<String, Seat> seats = new LinkedHashMap<>();

    private final List<Seat> engineers = new ArrayList<>();
    private final List<Seat> managers = new ArrayList<>();

    private ThreeNodes nodes;
    private JdbcTemplate jdbc;
    private long campaign;

    @BeforeAll
    void threeNodesTwoPbxes() throws Exception {
        try (Connection connection = SharedPostgres.get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        for (String pbx : List.of("east", "west")) {
            AmiSimulator simulator = new AmiSimulator(settings);
            simulator.start();
            pbxes.put(pbx, simulator);
        }
        String url = SharedPostgres.get().getJdbcUrl("postgres", DATABASE);
        jdbc = new JdbcTemplate(SharedPostgres.get().getDatabase("postgres", DATABASE));
        nodes = new ThreeNodes(url, settings, pbxes).startAll();
        users();
    }

    @AfterAll
    void stop() {
        seats.values().forEach(Seat::closeAll);
        if (nodes != null) {
            nodes.close();
        }
        pbxes.values().forEach(AmiSimulator::close);
    }

    @Test
    void aRollingRestartUnderLoadLosesNoPopNoActivityAndNoCampaignAttempt() throws Exception {
        for (String pbx : pbxes.keySet()) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nodes.ownerOf(pbx).isPresent());
        }
        seats.values().forEach(seat -> seat.connected(seat.home, nodes.desktop(seat.home, seat.username)));
        long started = System.nanoTime();

        try (CallDriver calls = new CallDriver(pbxes, agents, 600, 2, 16).start();
                PreviewCallers preview = new PreviewCallers(nodes, campaign, 1500)) {
            preview.start("previewer-1", 0).start("previewer-2", 1);
            everyNodeGetsProgressAndEscalations("before the restart");
            for (int node = 0; node < 3; node++) {
                restart(node);
                everyNodeGetsProgressAndEscalations("after restarting " + ThreeNodes.name(node));
            }
            preview.awaitDone(60_000);
            assertThat(preview.done()).as("the preview agents ran out of leads").isTrue();
            List<PlacedCall> placed = calls.stopAndFinish();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            everyCallIsLoggedOnce(placed);
            int excused = everyPopReachesItsDesktop(placed);
            everyLeadIsDialledOnce(preview);
            System.out.printf(
                    "Rolling restart: %d calls in %d ms, %d pops excused (their desktop was reconnecting), %d leads"
                            + " dialled, %d dial requests cut by a stopping node (each lead offered again)%n",
                    placed.size(), took, excused, preview.dialled.get(), preview.notDialled.get());
        }
    }

    /** Stops the node, moves its desktops to the next node, waits, starts it again and brings its desktops home. */
    private void restart(int node) {
        int refuge = (node + 1) % 3;
        List<Seat> moving =
                seats.values().stream().filter(seat -> seat.node() == node).toList();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> nodes.stop(node));
        // as a browser: each desktop reconnects elsewhere once the stopping node closes its socket
        for (Seat seat : moving) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !seat.current().isOpen());
            long closed = System.nanoTime();
            seat.connected(refuge, nodes.desktop(refuge, seat.username));
            seat.wasOffline(closed, System.nanoTime());
        }
        stopped.orTimeout(60, TimeUnit.SECONDS).join();
        for (String pbx : pbxes.keySet()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> nodes.ownerOf(pbx).isPresent());
        }
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true); // "stop, wait, start": a second down
        nodes.start(node);
        for (Seat seat : moving) {
            Desktop home = nodes.desktop(node, seat.username); // the new socket first: no gap
            seat.connected(node, home);
        }
    }

    /** Each node's manager gets fresh campaign progress from the dialing node; each node's engineer an escalation. */
    private void everyNodeGetsProgressAndEscalations(String when) {
        for (Seat manager : managers) {
            int before = progressWithDialer(manager);
            await().atMost(Duration.ofSeconds(15))
                    .alias(String.format(
                            "campaign progress for %s on %s %s",
                            manager.username, ThreeNodes.name(manager.node()), when))
                    .until(() -> progressWithDialer(manager) > before);
        }
        for (Seat engineer : engineers) {
            int through = (engineer.node() + 1) % 3;
            Api api = nodes.api(through);
            HttpResponse<String> opened = api.call(
                    "POST",
                    "/api/v1/tickets",
                    "opener",
                    ThreeNodes.PASSWORD,
                    "{\"subject\":\"Line drops " + when + "\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            long ticket = Api.json(opened).path("id").asLong();
            HttpResponse<String> escalated = api.call(
                    "POST",
                    "/api/v1/tickets/" + ticket + "/escalations",
                    "opener",
                    ThreeNodes.PASSWORD,
                    "{\"assignee\":\"" + engineer.username + "\",\"reason\":\"" + when + "\"}");
            assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15))
                    .alias(String.format(
                            "escalation notice for %s on %s %s",
                            engineer.username, ThreeNodes.name(engineer.node()), when))
                    .until(() -> engineer.received("ticketEscalated").stream()
                            .anyMatch(notice -> notice.path("ticket").asLong() == ticket));
        }
    }

    private int progressWithDialer(Seat manager) {
        return (int) manager.received("campaignProgress").stream()
                .filter(progress -> progress.path("dialer").path("campaignId").asLong() == campaign)
                .count();
    }

    private void everyCallIsLoggedOnce(List<PlacedCall> placed) {
        Set<String> callIds = placed.stream().map(PlacedCall::callId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(activityCounts().keySet())
                        .as("calls without an activity")
                        .containsAll(callIds));
        Map<String, Long> counts = activityCounts();
        assertThat(callIds.stream().filter(id -> counts.get(id) != 1).toList())
                .as("calls logged more than once")
                .isEmpty();
    }

    private Map<String, Long> activityCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                "select call_id, count(*) from activities where call_id like 'east:%' or call_id like 'west:%'"
                        + " group by call_id",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    /** Every pop not excused arrived on its agent's desktop, and none on another's; returns how many were excused. */
    private int everyPopReachesItsDesktop(List<PlacedCall> placed) {
        List<PlacedCall> expected = new ArrayList<>();
        int excused = 0;
        for (PlacedCall call : placed) {
            Seat seat = seats.get(call.agent());
            if (seat.offline().stream().anyMatch(span -> within(span, call.startedAt()))) {
                excused++;
            } else {
                expected.add(call);
            }
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(expected.stream()
                                .filter(call -> !popsOf(seats.get(call.agent())).contains(call.callId()))
                                .map(call -> call.callId() + " to " + call.agent())
                                .toList())
                        .as("pops that never reached their desktop")
                        .isEmpty());
        Map<String, String> agentOfCall =
                placed.stream().collect(Collectors.toMap(PlacedCall::callId, PlacedCall::agent));
        for (Seat seat : seats.values()) {
            assertThat(popsOf(seat))
                    .as("pops on %s's desktop", seat.username)
                    .allSatisfy(callId -> assertThat(agentOfCall.get(callId)).isEqualTo(seat.username));
        }
        return excused;
    }

    private static boolean within(Seat.Span span, long at) {
        return new Seat.Span(span.from() - MARGIN, span.to()).covers(at);
    }

    private static Set<String> popsOf(Seat seat) {
        return seat.received("screenPop").stream()
                .map(pop -> pop.path("callId").asText())
                .collect(Collectors.toSet());
    }

    /**
     * One attempt per lead, and it was dialled: a lead an agent took on a node that stopped before her dial request
     * was served is offered to her again on her next request, through another node, and dialled then.
     */
    private void everyLeadIsDialledOnce(PreviewCallers preview) {
        List<Map<String, Object>> attempts = jdbc.queryForList(
                "select l.id, count(a.id) as attempts, count(a.dialed_at) as dialled from leads l"
                        + " left join lead_attempts a on a.lead_id = l.id where l.campaign_id = ? group by l.id",
                campaign);
        assertThat(attempts).hasSize(LEADS);
        assertThat(attempts)
                .as("leads by attempts and dials (%s)", preview.failures)
                .allSatisfy(lead -> {
                    assertThat(((Number) lead.get("attempts")).intValue()).isEqualTo(1);
                    assertThat(((Number) lead.get("dialled")).intValue()).isEqualTo(1);
                });
    }

    private void users() {
        Directory directory = nodes.node(0).getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ThreeNodes.PASSWORD);
        int extension = 1000;
        int seat = 0;
        for (String pbx : pbxes.keySet()) {
            List<String[]> staff = new ArrayList<>();
            for (int i = 0; i < AGENTS_PER_PBX; i++) {
                String username = pbx + "-agent-" + i;
                String phone = Integer.toString(++extension);
                user(directory, hash, username, Role.AGENT, phone, pbx);
                staff.add(new String[] {username, phone});
                seats.put(username, new Seat(username, seat++ % 3));
            }
            agents.put(pbx, staff);
        }
        user(directory, hash, "opener", Role.AGENT, null, null);
        user(directory, hash, "admin", Role.ADMIN, null, null);
        Api api = nodes.api(0);
        assertThat(api.call("POST", "/api/v1/tiers/Tier%201/members/opener", "admin", ThreeNodes.PASSWORD, null)
                        .statusCode())
                .isEqualTo(200);
        for (int node = 0; node < 3; node++) {
            String engineer = "engineer-" + (node + 1);
            user(directory, hash, engineer, Role.AGENT, null, null);
            HttpResponse<String> member =
                    api.call("POST", "/api/v1/tiers/Tier%202/members/" + engineer, "admin", ThreeNodes.PASSWORD, null);
            assertThat(member.statusCode()).as(member.body()).isEqualTo(200);
            Seat engineerSeat = new Seat(engineer, node);
            engineers.add(engineerSeat);
            seats.put(engineer, engineerSeat);
            String manager = "manager-" + (node + 1);
            user(directory, hash, manager, Role.CAMPAIGN_MANAGER, null, null);
            Seat managerSeat = new Seat(manager, node);
            managers.add(managerSeat);
            seats.put(manager, managerSeat);
        }
        List<UserId> previewers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            // on the first PBX, which the dialer dials through
            previewers.add(user(directory, hash, "previewer-" + i, Role.AGENT, Integer.toString(1200 + i), "east")
                    .id());
        }
        campaign(directory.findByUsername("manager-1").orElseThrow(), Set.copyOf(previewers));
    }

    private void campaign(DirectoryUser manager, Set<UserId> previewers) {
        Campaigns campaigns = nodes.node(0).getBean(Campaigns.class);
        Campaign created = campaigns.create(
                CampaignSettings.defaults("Rolling restart", "support")
                        .withDialMode(DialMode.PREVIEW)
                        .withAgents(previewers)
                        .withCallerId("+4930555000")
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                manager.viewer());
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 1; i <= LEADS; i++) {
            csv.append(String.format("+4930556%04d,Lead %d%n", i, i));
        }
        nodes.node(0)
                .getBean(LeadImports.class)
                .importCsv(
                        created.id(),
                        "leads.csv",
                        new StringReader(csv.toString()),
                        LeadImportOptions.of(LeadColumns.of("number", "name")),
                        manager.viewer());
        campaigns.start(created.id(), manager.viewer());
        campaign = created.id().value();
    }

    /** A user whose phone, if any, is on {@code pbx} (null: the default PBX). */
    private static DirectoryUser user(
            Directory directory, String hash, String username, Role role, String phone, String pbx) {
        DirectoryUser user = directory.add(new NewUser(username, username, role, null, phone, pbx));
        directory.setPasswordHash(user.id(), hash);
        return user;
    }
}
