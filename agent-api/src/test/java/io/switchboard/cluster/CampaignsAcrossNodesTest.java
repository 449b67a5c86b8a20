package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.SwitchboardApplication;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.OutboundModel;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.Browser;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns over two simulated PBXes (over real TCP) and three application nodes in one JVM on one PostgreSQL: the
 * {@code east} PBX's trunk takes 2 campaign calls at once and {@code west}'s 3, each PBX has 4 agents in the
 * {@code campaign} queue (the same extensions 3001-3004 on both). Each case starts from the same layout, made before
 * it when an earlier case changed it: node A started first and owns both PBX links and the dialer lease, nodes B and
 * C stand by. Each case has its own campaign and leads, so any of them runs alone or in any order. The dialer-moves
 * case stops node A mid-campaign: B and C take a link each and one of them the dialer; the last-but-one stops node A
 * too, then the dialer of the node that took it over (its node keeps its link), so the other node dials, one PBX
 * through its own link and the other through the node that owns it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignsAcrossNodesTest {

    private static final String PASSWORD = "campaigns-across-nodes";
    private static final String DATABASE = "campaigns_across_nodes";
    private static final int EAST_LIMIT = 2;
    private static final int WEST_LIMIT = 3;

    /** Everyone answers, talks 8 simulated seconds (2 s at time scale 4); 4 agents in the campaign queue. */
    private final SimulatorSettings settings = SimulatorSettings.defaults()
            .withTimeScale(4)
            .withOutbound(new OutboundModel(1.0, 0, 0, 0, 0, 2, 8, "campaign", 4));

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private AmiSimulator east;
    private AmiSimulator west;
    private JdbcTemplate jdbc;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private ConfigurableApplicationContext nodeC;
    private String url;
    private int campaignNumber;
    /** A case stopped a node or a dialer: the next one starts the nodes again. */
    private boolean layoutChanged;

    @BeforeAll
    void twoPbxesAndTheUsers() throws SQLException {
        EmbeddedPostgres postgres = SharedPostgres.get();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        east = new AmiSimulator(settings);
        east.start();
        west = new AmiSimulator(settings);
        west.start();
        url = postgres.getJdbcUrl("postgres", DATABASE);
        threeNodes();
        jdbc = new JdbcTemplate(postgres.getDatabase("postgres", DATABASE));
        Directory directory = nodeA.getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] user : new String[][] {
            {"manager", "CAMPAIGN_MANAGER", null}, {"previewer", "AGENT", "2001"}, {"boss", "ADMIN", null}
        }) {
            DirectoryUser added = directory.add(new NewUser(user[0], user[0], Role.valueOf(user[1]), null, user[2]));
            directory.setPasswordHash(added.id(), hash);
        }
    }

    /** The layout every case starts from; made again when the case before changed it. */
    @BeforeEach
    void nodesAsAtTheStart() {
        if (layoutChanged) {
            nodes.forEach(ConfigurableApplicationContext::close);
            nodes.clear();
            threeNodes();
            layoutChanged = false;
        }
    }

    /** Node A, once it owns both links and dials; then B and C, standing by. */
    private void threeNodes() {
        nodeA = node(url, "node-a");
        nodes.add(nodeA);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> links(nodeA).owned() == 2
                        && links(nodeA).all().stream()
                                .allMatch(l -> l.linkStatus().state() == LinkStatus.State.UP)
                        && dialer(nodeA).dialing());
        nodeB = node(url, "node-b");
        nodes.add(nodeB);
        nodeC = node(url, "node-c");
        nodes.add(nodeC);
    }

    @AfterAll
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        east.close();
        west.close();
    }

    @Test
    @Order(1)
    void eachPbxCarriesNoMoreCallsThanItsTrunkTakesAndCallsSpreadOverBoth() {
        AtomicInteger mostOnEast = new AtomicInteger();
        AtomicInteger mostOnWest = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = watchConcurrentCalls(watching, mostOnEast, mostOnWest);
        try {
            long id = runningCampaign("PROGRESSIVE", null, 24, 1);
            await().atMost(Duration.ofSeconds(90)).until(() -> endedAttempts(id) == 24);
            assertThat(attemptsPerLead(id)).as("attempts per lead").containsOnly(1L);
            assertThat(jdbc.queryForList("select outcome from lead_attempts where campaign_id = ?", String.class, id))
                    .containsOnly("HUMAN_ANSWERED");
            Map<String, Long> perPbx = attemptsPerPbx(id);
            assertThat(perPbx.keySet()).as("PBXes dialled through").containsExactlyInAnyOrder("east", "west");
            assertThat(perPbx.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(24);
        } finally {
            watching.set(false);
            join(watcher);
        }
        // 4 free agents on each PBX ask for 8 calls at once: the trunks' limits hold them to 2 and 3
        assertThat(mostOnEast.get()).as("most calls at once on east").isBetween(1, EAST_LIMIT);
        assertThat(mostOnWest.get()).as("most calls at once on west").isBetween(1, WEST_LIMIT);
    }

    @Test
    @Order(2)
    void aCampaignDialsOnlyThroughThePbxesItListsAndAnUnknownPbxIsA400NamingTheField() {
        HttpResponse<String> unknown = api(nodeB)
                .call(
                        "POST",
                        "/api/v1/campaigns",
                        "manager",
                        PASSWORD,
                        campaignJson("Nowhere", "PROGRESSIVE", "[\"north\"]", 1));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("pbxes").contains("north");

        long eastBefore = east.stats().callsStarted();
        long id = runningCampaign("PROGRESSIVE", "[\"west\"]", 6, 1);
        JsonNode shown = Api.json(api(nodeB).call("GET", "/api/v1/campaigns/" + id, "manager", PASSWORD, null));
        assertThat(shown.path("pbxes").toString()).isEqualTo("[\"west\"]");
        await().atMost(Duration.ofSeconds(60)).until(() -> endedAttempts(id) == 6);
        assertThat(attemptsPerPbx(id)).containsOnlyKeys("west");
        assertThat(east.stats().callsStarted()).as("calls on east").isEqualTo(eastBefore);
    }

    @Test
    @Order(3)
    void pacingCountsTheCampaignQueuesAgentsOnEveryPbx() {
        long id = runningCampaign("PROGRESSIVE", null, 0, 1);
        // the same extensions 3001-3004 are agents on both PBXes: eight agents, not four
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode progress = Api.json(
                    api(nodeA).call("GET", "/api/v1/campaigns/" + id + "/progress", "manager", PASSWORD, null));
            assertThat(progress.path("dialer").path("agentsReady").asInt())
                    .as(progress.toString())
                    .isEqualTo(8);
        });
        api(nodeA).call("POST", "/api/v1/campaigns/" + id + "/finish", "manager", PASSWORD, null);
    }

    @Test
    @Order(4)
    void aPreviewTakenThroughOneNodeIsDialledThroughTheOtherAndOnlyOnce() {
        long id = runningCampaign("PREVIEW", null, 2, 1);
        // taken through the node that stands by, dialled through the one that owns the PBXes and dials
        long first = takePreview(nodeB, id);
        long started = east.stats().callsStarted() + west.stats().callsStarted();
        assertDialled(nodeA, first, started);
        // and the other way round: node B owns no PBX link, its dial is relayed to node A
        long second = takePreview(nodeA, id);
        assertDialled(nodeB, second, started + 1);

        for (long attempt : List.of(first, second)) {
            for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                HttpResponse<String> again = api(node)
                        .call("POST", "/api/v1/campaign-attempts/" + attempt + "/dial", "previewer", PASSWORD, null);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
            }
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_attempts where campaign_id = ? and dialed_at is not null",
                        Long.class,
                        id))
                .isEqualTo(2);
    }

    private long takePreview(ConfigurableApplicationContext node, long campaign) {
        HttpResponse<String> taken =
                api(node).call("POST", "/api/v1/campaigns/" + campaign + "/preview", "previewer", PASSWORD, null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        return Api.json(taken).path("attemptId").asLong();
    }

    private void assertDialled(ConfigurableApplicationContext node, long attempt, long callsBefore) {
        HttpResponse<String> dialled =
                api(node).call("POST", "/api/v1/campaign-attempts/" + attempt + "/dial", "previewer", PASSWORD, null);
        assertThat(dialled.statusCode()).as(dialled.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> east.stats().callsStarted() + west.stats().callsStarted() > callsBefore);
    }

    @Test
    @Order(5)
    void whenTheDialingNodeStopsMidCampaignTheOtherGoesOnAndDialsEveryLeadOnce() {
        layoutChanged = true;
        try (Desktop watcherOnB = desktop(nodeB, "boss")) {
            long startedBefore = east.stats().callsStarted() + west.stats().callsStarted();
            long id = runningCampaign("PROGRESSIVE", null, 30, 1);
            // progress from the dialing node reaches a page on the other node
            await().atMost(Duration.ofSeconds(20)).until(() -> progressFor(watcherOnB, id) > 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> endedAttempts(id) >= 5 && openAttempts(id) > 0);

            long stopping = System.nanoTime();
            nodeA.close();
            nodes.remove(nodeA);
            long stopped = System.nanoTime();
            int progressAtStop = progressFor(watcherOnB, id);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> dialer(nodeB).dialing() || dialer(nodeC).dialing());
            long moved = System.nanoTime();
            // with lost-after at its default (15 min): nothing waits for the stale-attempt sweep
            await().atMost(Duration.ofSeconds(120)).until(() -> endedAttempts(id) == 30 && openAttempts(id) == 0);
            System.out.printf(
                    "Dialer handover: node A stopped in %d ms, another node dialled %d ms after, every lead ended %d ms"
                            + " after%n",
                    (stopped - stopping) / 1_000_000,
                    (moved - stopped) / 1_000_000,
                    (System.nanoTime() - stopped) / 1_000_000);
            assertThat(attemptsPerLead(id)).as("attempts per lead").hasSize(30).containsOnly(1L);
            long dialled = east.stats().callsStarted() + west.stats().callsStarted() - startedBefore;
            assertThat(dialled).as("calls the PBXes saw").isEqualTo(30);
            await().atMost(Duration.ofSeconds(10)).until(() -> progressFor(watcherOnB, id) > progressAtStop);
        }
    }

    @Test
    @Order(6)
    void aDialerDialsThePbxItsNodeDoesNotOwnThroughTheOwnerWithinTheTrunksLimits() {
        layoutChanged = true;
        // node A stops: B and C take a link each, and one of them the dialer
        nodeA.close();
        nodes.remove(nodeA);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> links(nodeB).owned() == 1
                        && links(nodeC).owned() == 1
                        && (dialer(nodeB).dialing() || dialer(nodeC).dialing()));
        ConfigurableApplicationContext dialing = dialer(nodeB).dialing() ? nodeB : nodeC;
        ConfigurableApplicationContext other = dialing == nodeB ? nodeC : nodeB;
        // the dialing node keeps its link, but its dialer stops (and hands back the lease): the other node dials
        dialer(dialing).close();
        await().atMost(Duration.ofSeconds(20)).until(() -> dialer(other).dialing());

        AtomicInteger mostOnEast = new AtomicInteger();
        AtomicInteger mostOnWest = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = watchConcurrentCalls(watching, mostOnEast, mostOnWest);
        long startedBefore = east.stats().callsStarted() + west.stats().callsStarted();
        try {
            long id = runningCampaign("PROGRESSIVE", null, 16, 1);
            await().atMost(Duration.ofSeconds(90)).until(() -> endedAttempts(id) == 16);
            assertThat(attemptsPerLead(id)).as("attempts per lead").hasSize(16).containsOnly(1L);
            assertThat(jdbc.queryForList("select outcome from lead_attempts where campaign_id = ?", String.class, id))
                    .containsOnly("HUMAN_ANSWERED");
            assertThat(attemptsPerPbx(id).keySet()).containsExactlyInAnyOrder("east", "west");
        } finally {
            watching.set(false);
            join(watcher);
        }
        assertThat(east.stats().callsStarted() + west.stats().callsStarted() - startedBefore)
                .isEqualTo(16);
        assertThat(mostOnEast.get()).as("most calls at once on east").isBetween(1, EAST_LIMIT);
        assertThat(mostOnWest.get()).as("most calls at once on west").isBetween(1, WEST_LIMIT);
    }

    @Test
    @Order(7)
    void theCampaignPageOffersThePbxesWhenThereAreSeveral() {
        Browser.assumeInstalled();
        try (Browser browser = Browser.open(port(nodeB))) {
            browser.logIn("manager", PASSWORD);
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns"));
            browser.driver()
                    .findElement(By.cssSelector("#new-campaign summary"))
                    .click();
            WebElement form = browser.driver().findElement(By.id("campaign-form"));
            form.findElement(By.name("name")).sendKeys("Picked on the page");
            form.findElement(By.name("agents")).clear();
            List<WebElement> offered = form.findElements(By.cssSelector("#campaign-pbxes input[name=pbxes]"));
            assertThat(offered).extracting(box -> box.getAttribute("value")).containsExactly("east", "west");
            offered.get(1).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();

            browser.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("campaign-pbxes-shown"), "Dials through: west"));
        }
        assertThat(jdbc.queryForObject("select pbxes from campaigns where name = 'Picked on the page'", String.class))
                .isEqualTo("[\"west\"]");
    }

    private ConfigurableApplicationContext node(String url, String name) {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--switchboard.demo.seed=false",
                        "--switchboard.simulator.enabled=false",
                        "--switchboard.dialer.tick=100ms",
                        "--switchboard.dialer.lease=3s",
                        "--switchboard.dialer.wrap-up=0s",
                        "--switchboard.edge.port=0",
                        "--switchboard.edge.allowed-origins=" + Desktop.ORIGIN,
                        "--switchboard.edge.token-secret=a-token-secret-shared-by-every-node-0123456789",
                        "--switchboard.cluster.call-events=from-owner",
                        "--switchboard.link-lease.ttl=1s",
                        // links stay where each case puts them (node A owns both): with links spreading over
                        // the nodes, one would move to B a few seconds in; LinkRebalanceTest covers the spread
                        "--switchboard.link-lease.rebalance-after=1h",
                        "--switchboard.link-lease.node=" + name,
                        "--switchboard.pbxes[0].id=east",
                        "--switchboard.pbxes[0].host=127.0.0.1",
                        "--switchboard.pbxes[0].port=" + east.port(),
                        "--switchboard.pbxes[0].username=" + settings.username(),
                        "--switchboard.pbxes[0].secret=" + settings.secret(),
                        "--switchboard.pbxes[0].max-concurrent-calls=" + EAST_LIMIT,
                        "--switchboard.pbxes[1].id=west",
                        "--switchboard.pbxes[1].host=127.0.0.1",
                        "--switchboard.pbxes[1].port=" + west.port(),
                        "--switchboard.pbxes[1].username=" + settings.username(),
                        "--switchboard.pbxes[1].secret=" + settings.secret(),
                        "--switchboard.pbxes[1].max-concurrent-calls=" + WEST_LIMIT);
    }

    /** A running campaign on the {@code campaign} queue with {@code leads} leads, through node B's API. */
    private long runningCampaign(String mode, String pbxes, int leads, int maxAttempts) {
        String name = "Campaign " + (++campaignNumber);
        HttpResponse<String> created = api(nodeB)
                .call("POST", "/api/v1/campaigns", "manager", PASSWORD, campaignJson(name, mode, pbxes, maxAttempts));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Api.json(created).path("id").asLong();
        if (leads > 0) {
            // straight into the table: a list import is tested elsewhere and runs in the background
            jdbc.update(
                    "insert into leads (campaign_id, e164, name, timezone, status, priority, attempts,"
                            + " next_attempt_at, created_at, updated_at)"
                            + " select ?, '+4930' || lpad(?::text, 3, '0') || lpad(g::text, 4, '0'), 'Lead ' || g,"
                            + " 'Europe/Berlin', 'NEW', 0, 0, now(), now(), now() from generate_series(1, ?) g",
                    id,
                    campaignNumber,
                    leads);
        }
        HttpResponse<String> started =
                api(nodeB).call("POST", "/api/v1/campaigns/" + id + "/start", "manager", PASSWORD, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return id;
    }

    private static String campaignJson(String name, String mode, String pbxes, int maxAttempts) {
        return "{\"name\":\"" + name + "\",\"dialMode\":\"" + mode + "\",\"queue\":\"campaign\","
                + "\"callerId\":\"+4930555000\",\"agents\":[\"previewer\"],\"maxAttempts\":" + maxAttempts + ","
                + "\"callWindow\":{\"hours\":[\"MON-SUN 00:00-24:00\"],\"holidays\":[]}"
                + (pbxes == null ? "" : ",\"pbxes\":" + pbxes) + "}";
    }

    /** Samples the calls in progress on each simulated PBX every few milliseconds, keeping the most seen. */
    private Thread watchConcurrentCalls(AtomicBoolean watching, AtomicInteger mostOnEast, AtomicInteger mostOnWest) {
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                mostOnEast.accumulateAndGet(inProgress(east), Math::max);
                mostOnWest.accumulateAndGet(inProgress(west), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * Calls the PBX has in progress. Started is read before ended, so a call that starts or ends between the reads
     * makes the figure smaller, never larger, than it was at the first read: a sample never overstates.
     */
    private static int inProgress(AmiSimulator pbx) {
        long started = pbx.stats().callsStarted();
        long ended = pbx.stats().callsEnded();
        return (int) (started - ended);
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long endedAttempts(long campaign) {
        return jdbc.queryForObject(
                "select count(*) from lead_attempts where campaign_id = ? and ended_at is not null",
                Long.class,
                campaign);
    }

    private long openAttempts(long campaign) {
        return jdbc.queryForObject(
                "select count(*) from lead_attempts where campaign_id = ? and ended_at is null", Long.class, campaign);
    }

    private List<Long> attemptsPerLead(long campaign) {
        return jdbc.queryForList(
                "select (select count(*) from lead_attempts a where a.lead_id = l.id) from leads l where campaign_id = ?",
                Long.class,
                campaign);
    }

    private Map<String, Long> attemptsPerPbx(long campaign) {
        Map<String, Long> perPbx = new java.util.TreeMap<>();
        jdbc.query(
                "select pbx, count(*) as calls from lead_attempts where campaign_id = ? group by pbx",
                rs -> {
                    perPbx.put(rs.getString("pbx"), rs.getLong("calls"));
                },
                campaign);
        return perPbx;
    }

    private static int progressFor(Desktop desktop, long campaign) {
        return (int) desktop.received("campaignProgress").stream()
                .filter(message -> message.path("campaignId").asLong() == campaign
                        || message.path("id").asLong() == campaign)
                .count();
    }

    private static PbxLinks links(ConfigurableApplicationContext node) {
        return node.getBean(PbxLinks.class);
    }

    private static CampaignDialer dialer(ConfigurableApplicationContext node) {
        return node.getBean(CampaignDialer.class);
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(port(node));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static Desktop desktop(ConfigurableApplicationContext node, String username) {
        HttpResponse<String> issued = api(node).call("POST", "/api/v1/cti/token", username, PASSWORD, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        return Desktop.connect(token.path("port").asInt(), token.path("token").asText());
    }
}
