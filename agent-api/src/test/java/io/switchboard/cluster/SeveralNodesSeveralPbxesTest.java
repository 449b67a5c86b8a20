package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.ClusterNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes in one JVM on one PostgreSQL (a database of their own) and two simulated PBXes over real
 * TCP, configured as {@code switchboard.pbxes}: each PBX is read by exactly one node, calls on both are logged once
 * each with their PBX, pops reach the agent on the node owning the PBX, and when a link's owner shuts down mid-call
 * the other node takes the link within 5 s and the call is still logged once. Commands made through the node that
 * does not own a PBX (click-to-dial, transfer, hang-up, pause) are relayed to the owner and act on that PBX; a refusal
 * reads the same through either node; an owner that does not answer is a 503 naming the PBX at the relay's timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the sixth and seventh tests shut nodes down
class SeveralNodesSeveralPbxesTest {

    private static final String PASSWORD = "several-nodes-password";
    private static final String DATABASE = "several_nodes";
    private static final String DIAL = "{\"number\":\"+4930999999\"}";

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(4);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private AmiSimulator east;
    private AmiSimulator west;
    private JdbcTemplate jdbc;
    private String url;

    @BeforeAll
    void twoNodesAndTwoPbxes() throws SQLException {
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
        nodes.add(node(url, "node-a"));
        nodes.add(node(url, "node-b"));
        jdbc = new JdbcTemplate(postgres.getDatabase("postgres", DATABASE));
        Directory directory = nodes.get(0).getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] agent : new String[][] {{"east-agent", "1001", "east"}, {"west-agent", "1002", "west"}}) {
            DirectoryUser user = directory.add(new NewUser(agent[0], agent[0], Role.AGENT, null, agent[1], agent[2]));
            directory.setPasswordHash(user.id(), hash);
        }
    }

    @AfterAll
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        east.close();
        west.close();
    }

    @Test
    @Order(1)
    void eachPbxIsReadByOneNodeAndItsCallsAreLoggedOnceWithTheirPbx() {
        AmiGateway eastOwner = awaitOwner("east");
        AmiGateway westOwner = awaitOwner("west");
        assertThat(east.stats().sessions()).as("AMI sessions on the east PBX").isEqualTo(1);
        assertThat(west.stats().sessions()).as("AMI sessions on the west PBX").isEqualTo(1);

        try (Desktop eastDesk = desktop(nodeOwning("east"), "east-agent");
                Desktop westDesk = desktop(nodeOwning("west"), "west-agent")) {
            CompletableFuture<SimulatedCall> onEast = east.run(call("+4930111111", "1001", 4));
            CompletableFuture<SimulatedCall> onWest = west.run(call("+4930222222", "1002", 4));
            String eastCall =
                    "east:" + onEast.orTimeout(30, TimeUnit.SECONDS).join().linkedid();
            String westCall =
                    "west:" + onWest.orTimeout(30, TimeUnit.SECONDS).join().linkedid();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !eastDesk.received("screenPop").isEmpty()
                            && !westDesk.received("screenPop").isEmpty());
            assertThat(eastDesk.received("screenPop").get(0).path("callId").asText())
                    .isEqualTo(eastCall);
            assertThat(westDesk.received("screenPop").get(0).path("callId").asText())
                    .isEqualTo(westCall);

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            activities(eastCall).size() + activities(westCall).size() == 2);
            assertThat(activities(eastCall))
                    .singleElement()
                    .extracting(row -> row.get("pbx"))
                    .isEqualTo("east");
            assertThat(activities(westCall))
                    .singleElement()
                    .extracting(row -> row.get("pbx"))
                    .isEqualTo("west");
        }
        assertThat(List.of(eastOwner, westOwner)).allMatch(AmiGateway::ownsLink);
    }

    @Test
    @Order(2)
    void aClickToDialThroughTheNodeThatDoesNotOwnThePbxRingsOnThatPbxAndTheDesktopGetsItsCall() {
        ConfigurableApplicationContext other = nodeNotOwning("east");
        long eastStarted = east.stats().callsStarted();
        long westStarted = west.stats().callsStarted();

        try (Desktop desk = desktop(other, "east-agent")) {
            HttpResponse<String> dialled = api(other).call("POST", "/api/v1/calls", "east-agent", PASSWORD, DIAL);
            assertThat(dialled.statusCode()).as(dialled.body()).isEqualTo(202);
            assertThat(Api.json(dialled).path("actionId").asText())
                    .as("the owner's action id, relayed back")
                    .startsWith("sb-");

            await().atMost(Duration.ofSeconds(10)).until(() -> east.stats().callsStarted() > eastStarted);
            JsonNode talking = awaitMessage(
                    desk,
                    "callUpdate",
                    update -> update.path("state").asText().equals("TALKING")
                            && update.path("callId").asText().startsWith("east:"));
            assertThat(talking.path("agent").asText())
                    .as("1001 on the east PBX, as events name agents of a PBX of their own")
                    .isEqualTo("east:1001");
        }
        assertThat(west.stats().callsStarted())
                .as("nothing dialled on the other PBX")
                .isEqualTo(westStarted);
    }

    @Test
    @Order(3)
    void aCallOnAPbxTheOtherNodeOwnsIsTransferredAndHungUpThroughThisNode() {
        ConfigurableApplicationContext eastOwner = nodeOwning("east");
        ConfigurableApplicationContext notEast = nodeNotOwning("east");
        // the click-to-dial call of the last test must be over: call control acts on the agent's call now
        await().atMost(Duration.ofSeconds(30)).until(() -> east.liveCalls() == 0);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        links(eastOwner).pbx("east").handles().ofAgent("1001").isEmpty());
        CompletableFuture<SimulatedCall> transferred = east.run(call("+4930444444", "1001", 200));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        links(eastOwner).pbx("east").handles().ofAgent("1001").isPresent());

        HttpResponse<String> transfer = api(notEast)
                .call("POST", "/api/v1/agents/me/call/transfer", "east-agent", PASSWORD, "{\"extension\":\"1003\"}");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
        assertThat(transferred.orTimeout(60, TimeUnit.SECONDS).join().answeredBy())
                .as("the east PBX moved the caller to 1003")
                .contains("1003");

        ConfigurableApplicationContext westOwner = nodeOwning("west");
        ConfigurableApplicationContext notWest = nodeNotOwning("west");
        CompletableFuture<SimulatedCall> hungUp = west.run(call("+4930555555", "1002", 200));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        links(westOwner).pbx("west").handles().ofAgent("1002").isPresent());

        HttpResponse<String> hangup =
                api(notWest).call("POST", "/api/v1/agents/me/call/hangup", "west-agent", PASSWORD, null);
        assertThat(hangup.statusCode()).as(hangup.body()).isEqualTo(202);
        // 200 simulated seconds of talk are 50 s: ending within 10 s is the hang-up's doing
        String callId = "west:" + hungUp.orTimeout(10, TimeUnit.SECONDS).join().linkedid();
        await().atMost(Duration.ofSeconds(10)).until(() -> !activities(callId).isEmpty());
        assertThat(activities(callId))
                .singleElement()
                .extracting(row -> row.get("pbx"))
                .isEqualTo("west");
    }

    @Test
    @Order(4)
    void anAgentPausesThroughTheNodeThatDoesNotOwnTheirPbx() {
        ConfigurableApplicationContext other = nodeNotOwning("east");
        try {
            HttpResponse<String> paused = api(other)
                    .call("POST", "/api/v1/agents/me/pause", "east-agent", PASSWORD, "{\"reason\":\"coffee\"}");
            assertThat(paused.statusCode()).as(paused.body()).isEqualTo(202);

            // the state comes back from the east PBX's own events, relayed by its owner
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode me = Api.json(api(other).call("GET", "/api/v1/agents/me", "east-agent", PASSWORD, null));
                return me.size() > 0
                        && me.get(0).path("state").asText().equals("PAUSED")
                        && me.get(0).path("pausedReason").asText().equals("coffee");
            });
        } finally {
            HttpResponse<String> resumed =
                    api(other).call("POST", "/api/v1/agents/me/resume", "east-agent", PASSWORD, null);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
        }
    }

    @Test
    @Order(5)
    void aRefusalOfThePbxIsTheSameProblemThroughEitherNode() {
        String noSuchQueue = "/api/v1/agents/me/queues/nosuchqueue";
        HttpResponse<String> onOwner = api(nodeOwning("east")).call("POST", noSuchQueue, "east-agent", PASSWORD, null);
        HttpResponse<String> elsewhere =
                api(nodeNotOwning("east")).call("POST", noSuchQueue, "east-agent", PASSWORD, null);

        assertThat(onOwner.statusCode()).as(onOwner.body()).isEqualTo(502);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(502);
        assertThat(Api.json(elsewhere).path("detail").asText())
                .contains("No such queue")
                .isEqualTo(Api.json(onOwner).path("detail").asText());

        MeterRegistry asking = nodeNotOwning("east").getBean(MeterRegistry.class);
        assertThat(asking.get("switchboard.cluster.commands")
                        .tags("command", "QueueAdd", "outcome", "refused")
                        .counter()
                        .count())
                .isEqualTo(1);
        Timer latency = asking.get("switchboard.cluster.commands.latency").timers().stream()
                .reduce((a, b) -> a.count() >= b.count() ? a : b)
                .orElseThrow();
        assertThat(latency.count()).isPositive();
        // for the README's figure: relayed commands over PostgreSQL NOTIFY, this JVM's two nodes on a shared machine
        System.out.printf(
                "relay latency (%s): %d commands, mean %.1f ms, max %.1f ms%n",
                latency.getId().getTag("command"),
                latency.count(),
                latency.mean(TimeUnit.MILLISECONDS),
                latency.max(TimeUnit.MILLISECONDS));
    }

    @Test
    @Order(6)
    void whenTheOwnerOfALinkShutsDownMidCallTheOtherNodeTakesItWithinFiveSecondsAndLogsTheCallOnce() {
        ConfigurableApplicationContext owner = nodeOwning("east");
        ConfigurableApplicationContext other =
                nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
        AmiGateway standby = links(other).pbx("east");
        await().atMost(Duration.ofSeconds(10)).until(() -> standby.linkStatus().state() == LinkStatus.State.STANDBY);

        CompletableFuture<SimulatedCall> call = east.run(call("+4930333333", "1001", 40));
        AmiGateway owning = links(owner).pbx("east");
        await().atMost(Duration.ofSeconds(10)).until(() -> owning.activeCalls() == 1);

        long stopped = System.nanoTime();
        owner.close();
        nodes.remove(owner);
        await().atMost(Duration.ofSeconds(5)).until(() -> standby.linkStatus().state() == LinkStatus.State.UP);
        long tookOverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);

        String callId = "east:" + call.orTimeout(60, TimeUnit.SECONDS).join().linkedid();
        await().atMost(Duration.ofSeconds(10)).until(() -> !activities(callId).isEmpty());
        assertThat(activities(callId))
                .singleElement()
                .extracting(row -> row.get("pbx"))
                .isEqualTo("east");
        assertThat(east.stats().sessions()).isEqualTo(1);
        assertThat(tookOverMillis).isLessThan(5_000);
    }

    @Test
    @Order(7)
    void whenTheOwnerFallsSilentACommandIsA503NamingThePbxWithinTheTimeoutAndWorksOnceTheLinkMoved() {
        // the node left from the last test owns both links; a new one owns none, so its commands are relayed
        ConfigurableApplicationContext owner = nodeOwning("east");
        ConfigurableApplicationContext joined = node(url, "node-c");
        nodes.add(joined);
        String pause = "{\"reason\":\"meeting\"}";
        HttpResponse<String> relayed =
                api(joined).call("POST", "/api/v1/agents/me/pause", "east-agent", PASSWORD, pause);
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(202);
        assertThat(links(joined).pbx("east").ownsLink()).isFalse();

        // the owner still holds the link's lease but hears no other node: as an owner that hangs or is cut off
        owner.getBean(ClusterBus.class).close();
        long asked = System.nanoTime();
        HttpResponse<String> unanswered =
                api(joined).call("POST", "/api/v1/agents/me/pause", "east-agent", PASSWORD, pause);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(unanswered.statusCode()).as(unanswered.body()).isEqualTo(503);
        assertThat(Api.json(unanswered).path("pbx").asText()).isEqualTo("east");
        assertThat(Api.json(unanswered).path("detail").asText()).contains("PBX 'east'");
        assertThat(waitedMillis).as("answered at the 2 s timeout").isBetween(1_900L, 4_000L);

        owner.close();
        nodes.remove(owner);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> links(joined).pbx("east").ownsLink()
                        && links(joined).pbx("east").linkStatus().state() == LinkStatus.State.UP);
        HttpResponse<String> again = api(joined).call("POST", "/api/v1/agents/me/pause", "east-agent", PASSWORD, pause);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        api(joined).call("POST", "/api/v1/agents/me/resume", "east-agent", PASSWORD, null);
    }

    private ConfigurableApplicationContext node(String url, String name) {
        return ClusterNode.on(url)
                .clustered()
                .set("switchboard.dialer.enabled", "false")
                // links stay where they were taken: these cases are about commands and take-overs, and the last one
                // needs a joining node that owns no link; LinkRebalanceTest spreads links
                .set("switchboard.link-lease.rebalance-after", "1h")
                .set("switchboard.cluster.commands.timeout", "2s")
                .set("switchboard.link-lease.node", name)
                .pbx("east", east, settings)
                .pbx("west", west, settings)
                .start();
    }

    /** A queue call {@code agent} answers and talks on for {@code talkSeconds} (simulated: four times faster). */
    private static QueueCallAnswered call(String number, String agent, double talkSeconds) {
        return new QueueCallAnswered(
                new Caller(number, "Caller " + number, "500"), "support", agent, 1, talkSeconds, HangupBy.CALLER);
    }

    private ConfigurableApplicationContext nodeNotOwning(String pbx) {
        ConfigurableApplicationContext owner = nodeOwning(pbx);
        return nodes.stream().filter(n -> n != owner).findFirst().orElseThrow();
    }

    private static JsonNode awaitMessage(Desktop desktop, String type, Predicate<JsonNode> matching) {
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> desktop.received(type).stream().anyMatch(matching));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching " + type + " within 15 s; received: " + desktop.received(type), e);
        }
        return desktop.received(type).stream().filter(matching).findFirst().orElseThrow();
    }

    private static PbxLinks links(ConfigurableApplicationContext node) {
        return node.getBean(PbxLinks.class);
    }

    private AmiGateway awaitOwner(String pbx) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> owners(pbx).size() == 1
                        && owners(pbx).get(0).linkStatus().state() == LinkStatus.State.UP);
        return owners(pbx).get(0);
    }

    private List<AmiGateway> owners(String pbx) {
        return nodes.stream()
                .map(n -> links(n).pbx(pbx))
                .filter(AmiGateway::ownsLink)
                .toList();
    }

    private ConfigurableApplicationContext nodeOwning(String pbx) {
        awaitOwner(pbx);
        return nodes.stream()
                .filter(n -> links(n).pbx(pbx).ownsLink())
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> activities(String callId) {
        return jdbc.queryForList("select call_id, pbx from activities where call_id = ?", callId);
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private static Desktop desktop(ConfigurableApplicationContext node, String username) {
        HttpResponse<String> issued = api(node).call("POST", "/api/v1/cti/token", username, PASSWORD, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        return Desktop.connect(token.path("port").asInt(), token.path("token").asText());
    }
}
