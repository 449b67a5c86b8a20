package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.SwitchboardApplication;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.QueueCallAbandoned;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes in one JVM on one PostgreSQL (a database of their own, the real {@code LISTEN/NOTIFY} bus) and
 * one simulated PBX over TCP, owned by the node that starts first. Agents log in and pause, and a caller waits, before
 * the second node starts: that node's supervisors' agent and queue views, and an agent's own state, must match the
 * owner's within a few seconds without any further change on the PBX. The same after its bus connection is cut while
 * agents change (an agent's desktop on that node gets their new state too), and after the owner, cut off from the others while an agent logged out, stops and the second node
 * takes the link over: the agent it never heard leave is shown logged out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // each test goes on from the last one's nodes and states
class NodesAgreeOnLiveStateTest {

    private static final String PASSWORD = "live-state-password";
    private static final String DATABASE = "live_state_nodes";
    /** As long as the test: the caller stays in the queue. */
    private static final double WAITS_SECONDS = 600;

    private final SimulatorSettings settings = SimulatorSettings.defaults();
    private AmiSimulator pbx;
    private String url;
    private JdbcTemplate jdbc;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void aPbxAndItsOwner() throws SQLException {
        EmbeddedPostgres postgres = SharedPostgres.get();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        pbx = new AmiSimulator(settings);
        pbx.start();
        url = postgres.getJdbcUrl("postgres", DATABASE);
        jdbc = new JdbcTemplate(postgres.getDatabase("postgres", DATABASE));
        first = node("node-1");
        Directory directory = first.getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] user : new String[][] {{"agent-one", "1001"}, {"agent-two", "1002"}}) {
            DirectoryUser added = directory.add(new NewUser(user[0], user[0], Role.AGENT, null, user[1], "a"));
            directory.setPasswordHash(added.id(), hash);
        }
        DirectoryUser boss = directory.add(new NewUser("boss", "boss", Role.ADMIN, null, null, null));
        directory.setPasswordHash(boss.id(), hash);
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        pbx.close();
    }

    @Test
    @Order(1)
    void aNodeThatStartsAfterTheOwnerShowsTheSameAgentsAndWaitingCallersAtOnce() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> links(first).pbx("a").ownsLink()
                        && links(first).pbx("a").linkStatus().state() == LinkStatus.State.UP);
        HttpResponse<String> paused =
                api(first).call("POST", "/api/v1/agents/me/pause", "agent-one", PASSWORD, "{\"reason\":\"lunch\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(202);
        pbx.run(new QueueCallAbandoned(
                new Caller("+4930777777", "Waiting Caller", "500"), "support", Optional.empty(), WAITS_SECONDS));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        agents(first).contains("a:1001 a:support PAUSED lunch") && waiting(first, "a:support") == 1);

        long starting = System.nanoTime();
        second = node("node-2");
        long started = System.nanoTime();
        awaitSame("a node started after the agents' last change");
        // the figure the README quotes: how long after its start the new node agreed with the owner
        Timer sync = second.getBean(MeterRegistry.class)
                .find("switchboard.cluster.sync.time")
                .timer();
        System.out.printf(
                "node-2 started in %d ms, agreed %d ms after; switchboard.cluster.sync.time %.0f ms%n",
                TimeUnit.NANOSECONDS.toMillis(started - starting),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                sync == null ? Double.NaN : sync.max(TimeUnit.MILLISECONDS));
        assertThat(waiting(second, "a:support")).isEqualTo(1);
        HttpResponse<String> own = api(second).call("GET", "/api/v1/agents/me", "agent-one", PASSWORD, null);
        assertThat(Api.json(own).path(0).path("state").asText())
                .as("the agent's own state through the new node: %s", own.body())
                .isEqualTo("PAUSED");
        assertThat(links(second).pbx("a").ownsLink()).isFalse();
    }

    @Test
    @Order(2)
    void aNodeWhoseBusConnectionWasCutShowsWhatChangedMeanwhile() throws Exception {
        // agent two's desktop, held by the node that is about to be cut off
        Desktop desk = desktop(second, "agent-two");
        AtomicBoolean cutting = new AtomicBoolean(true);
        Thread cutter = new Thread(() -> keepCutting("switchboard-cluster-listen-node-2", cutting), "cutter");
        cutter.start();
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !second.getBean(ClusterBus.class).state().connected());
            assertThat(api(first)
                            .call("POST", "/api/v1/agents/me/resume", "agent-one", PASSWORD, null)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(api(first)
                            .call("POST", "/api/v1/agents/me/pause", "agent-two", PASSWORD, "{\"reason\":\"training\"}")
                            .statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agents(first).contains("a:1001 a:support READY")
                            && agents(first).contains("a:1002 a:support PAUSED training"));
        } finally {
            cutting.set(false);
            cutter.join();
        }
        awaitSame("a node whose bus connection was cut while agents changed");
        try (desk) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> desk.received("agentState").stream()
                            .anyMatch(state -> state.path("agent").asText().equals("a:1002")
                                    && state.path("state").asText().equals("PAUSED")
                                    && state.path("pausedReason").asText().equals("training")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("agent two's desktop got " + desk.received("agentState"), e);
        }
    }

    @Test
    @Order(3)
    void whenTheLinkMovesTheNewOwnerClearsAnAgentWhoLeftUnheard() {
        // the owner goes on reading the PBX but no longer tells the other node anything
        first.getBean(ClusterBus.class).close();
        HttpResponse<String> out =
                api(first).call("DELETE", "/api/v1/agents/me/queues/support", "agent-two", PASSWORD, null);
        assertThat(out.statusCode()).as(out.body()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(10)).until(() -> agents(first).contains("a:1002 a:support LOGGED_OUT"));
        assertThat(agents(second))
                .as("not heard on the other node")
                .anyMatch(state -> state.startsWith("a:1002 a:support ") && !state.contains("LOGGED_OUT"));

        first.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> links(second).pbx("a").ownsLink()
                        && links(second).pbx("a").linkStatus().state() == LinkStatus.State.UP);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> agents(second).contains("a:1002 a:support LOGGED_OUT"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the new owner still shows " + agents(second), e);
        }
        assertThat(agents(second)).contains("a:1001 a:support READY", "a:1003 a:support READY");
        assertThat(waiting(second, "a:support")).isEqualTo(1);
    }

    /** Ends the node's listening connection each time it comes back, until told to stop. */
    private void keepCutting(String applicationName, AtomicBoolean cutting) {
        while (cutting.get()) {
            jdbc.queryForList(
                    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                    applicationName);
            Thread.onSpinWait();
        }
    }

    private void awaitSame(String which) {
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> agents(second).equals(agents(first)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(which + " shows " + agents(second) + " where the owner shows " + agents(first), e);
        }
    }

    /** Every agent's state per queue as a node's API shows it to an admin: extension, queue, state, reason. */
    private static TreeSet<String> agents(ConfigurableApplicationContext node) {
        HttpResponse<String> response = api(node).call("GET", "/api/v1/agents", "boss", PASSWORD, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TreeSet<String> states = new TreeSet<>();
        for (JsonNode agent : Api.json(response)) {
            String reason = agent.path("pausedReason").isNull()
                    ? ""
                    : " " + agent.path("pausedReason").asText();
            states.add(agent.path("extension").asText() + " "
                    + agent.path("queue").asText() + " " + agent.path("state").asText() + reason);
        }
        return states;
    }

    private static int waiting(ConfigurableApplicationContext node, String queue) {
        HttpResponse<String> response = api(node).call("GET", "/api/v1/queues", "boss", PASSWORD, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode view : Api.json(response)) {
            if (view.path("name").asText().equals(queue)) {
                return view.path("waiting").asInt();
            }
        }
        return 0;
    }

    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--switchboard.demo.seed=false",
                        "--switchboard.simulator.enabled=false",
                        "--switchboard.dialer.enabled=false",
                        "--switchboard.edge.port=0",
                        "--switchboard.edge.allowed-origins=" + Desktop.ORIGIN,
                        "--switchboard.edge.token-secret=a-token-secret-shared-by-every-node-0123456789",
                        "--switchboard.cluster.call-events=from-owner",
                        "--switchboard.cluster.node-id=" + name,
                        "--switchboard.link-lease.ttl=1s",
                        "--switchboard.cluster.commands.timeout=2s",
                        "--switchboard.link-lease.node=" + name,
                        "--switchboard.pbxes[0].id=a",
                        "--switchboard.pbxes[0].host=127.0.0.1",
                        "--switchboard.pbxes[0].port=" + pbx.port(),
                        "--switchboard.pbxes[0].username=" + settings.username(),
                        "--switchboard.pbxes[0].secret=" + settings.secret());
    }

    private static Desktop desktop(ConfigurableApplicationContext node, String username) {
        HttpResponse<String> issued = api(node).call("POST", "/api/v1/cti/token", username, PASSWORD, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        return Desktop.connect(token.path("port").asInt(), token.path("token").asText());
    }

    private static PbxLinks links(ConfigurableApplicationContext node) {
        return node.getBean(PbxLinks.class);
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
