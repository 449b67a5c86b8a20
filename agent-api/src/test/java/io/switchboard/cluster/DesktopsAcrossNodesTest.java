package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.SwitchboardApplication;
import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.desktop.Desktops;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeMessage;
import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import io.switchboard.testing.SharedPostgres;
import io.switchboard.testing.TestUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes in one JVM on one PostgreSQL database of their own, talking over the PostgreSQL bus. Node B
 * owns the PBX link (the simulator); node A reads no PBX at all ({@code switchboard.cluster.call-events=from-owner}):
 * whatever either produces for a desktop reaches the desktop on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopsAcrossNodesTest {

    private static final String TOKEN_SECRET = "a-token-secret-shared-by-both-nodes-of-this-test";

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Api apiA;
    private Api apiB;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        String database = "cluster_" + System.nanoTime();
        try (Connection connection = SharedPostgres.get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = SharedPostgres.get().getJdbcUrl("postgres", database);
        a = node(
                url,
                "node-a",
                Map.of(
                        "switchboard.ami.enabled", "false",
                        "switchboard.simulator.enabled", "false",
                        // the call model (and its bus) without a PBX of its own: relayed events land there
                        "switchboard.webhook.enabled", "true",
                        "switchboard.webhook.port", "0",
                        "switchboard.webhook.secret", "a-webhook-secret-of-at-least-thirty-two-bytes"));
        b = node(
                url,
                "node-b",
                Map.of(
                        "switchboard.ami.port", Integer.toString(freePort()),
                        "switchboard.simulator.calls-per-second", "0",
                        "switchboard.simulator.time-scale", "4"));
        apiA = new Api(port(a));
        apiB = new Api(port(b));
        Directory directory = a.getBean(Directory.class);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestUser.PASSWORD);
        for (TestUser user : TestUser.values()) {
            DirectoryUser added = directory.add(new NewUser(
                    user.username,
                    user.username,
                    user.role,
                    user.team == null ? null : directory.team(user.team),
                    user.extension));
            directory.setPasswordHash(added.id(), hash);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> b.getBean(AmiGateway.class).linkStatus().state() == LinkStatus.State.UP);
    }

    @AfterAll
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext node(String url, String name, Map<String, String> own) {
        // as command-line arguments: they win over application.yml, as the properties of a test context do
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--switchboard.edge.port=0",
                "--switchboard.edge.allowed-origins=" + Desktop.ORIGIN,
                "--switchboard.edge.token-secret=" + TOKEN_SECRET,
                "--switchboard.demo.seed=false",
                "--switchboard.cluster.node-id=" + name,
                "--switchboard.cluster.call-events=from-owner"));
        own.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> call(Api api, String method, String path, TestUser user, String body) {
        return api.call(method, path, user.username, TestUser.PASSWORD, body);
    }

    /** A desktop of {@code user} on {@code node}'s edge, once that edge holds its session. */
    private static Desktop desktopOn(ConfigurableApplicationContext node, TestUser user) {
        HttpResponse<String> issued = call(new Api(port(node)), "POST", "/api/v1/cti/token", user, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        CtiEdge edge = node.getBean(CtiEdge.class);
        int before = edge.sessionsOf(user.username);
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> edge.sessionsOf(user.username) > before);
        return desktop;
    }

    private static JsonNode awaitMessage(Desktop desktop, String type, Predicate<JsonNode> which) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> desktop.received(type).stream()
                                .filter(which)
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
    }

    @Test
    void theDialingNodesCampaignProgressReachesAManagerOnTheOtherNode() {
        CampaignDialer dialerA = a.getBean(CampaignDialer.class);
        CampaignDialer dialerB = b.getBean(CampaignDialer.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> dialerA.dialing() || dialerB.dialing());
        ConfigurableApplicationContext dialing = dialerA.dialing() ? a : b;
        ConfigurableApplicationContext other = dialing == a ? b : a;
        DirectoryUser admin = a.getBean(Directory.class)
                .findByUsername(TestUser.ADMIN.username)
                .orElseThrow();
        Campaigns campaigns = a.getBean(Campaigns.class);
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults("Across nodes", "support")
                        .withDialMode(DialMode.PREVIEW)
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                admin.viewer());
        campaigns.start(campaign.id(), admin.viewer());

        try (Desktop manager = desktopOn(other, TestUser.CAMPAIGN_MANAGER)) {
            // only the dialing node has the dialer's live view: a progress with it came from there
            JsonNode progress = awaitMessage(
                    manager,
                    "campaignProgress",
                    payload -> payload.path("name").asText().equals("Across nodes")
                            && !payload.path("dialer").isMissingNode()
                            && !payload.path("dialer").isNull());
            assertThat(progress.path("dialer").path("campaignId").asLong())
                    .isEqualTo(campaign.id().value());
        } finally {
            campaigns.finish(campaign.id(), admin.viewer());
        }
    }

    @Test
    void anEscalationOnOneNodeReachesTheNewTiersEngineerOnTheOther() {
        for (String member : List.of(
                "/api/v1/tiers/Tier%201/members/" + TestUser.AGENT.username,
                "/api/v1/tiers/Tier%202/members/" + TestUser.TEAMMATE.username)) {
            HttpResponse<String> added = call(apiA, "POST", member, TestUser.ADMIN, null);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        }
        HttpResponse<String> opened =
                call(apiA, "POST", "/api/v1/tickets", TestUser.AGENT, "{\"subject\":\"Router reboots\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long ticket = Api.json(opened).path("id").asLong();

        try (Desktop engineer = desktopOn(b, TestUser.TEAMMATE)) {
            HttpResponse<String> escalated = call(
                    apiA,
                    "POST",
                    "/api/v1/tickets/" + ticket + "/escalations",
                    TestUser.AGENT,
                    "{\"assignee\":\"" + TestUser.TEAMMATE.username + "\",\"reason\":\"firmware bug\"}");
            assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);

            JsonNode told = awaitMessage(
                    engineer,
                    "ticketEscalated",
                    payload -> payload.path("ticket").asLong() == ticket);
            assertThat(told.path("role").asText()).isEqualTo("ASSIGNEE");
            assertThat(told.path("reason").asText()).isEqualTo("firmware bug");
        }
    }

    @Test
    void aClickToDialOnTheLinksOwnerIsAnsweredOnTheAgentsDesktopOnTheOtherNode() {
        MeterRegistry metricsA = a.getBean(MeterRegistry.class);
        try (Desktop agent = desktopOn(a, TestUser.AGENT)) {
            HttpResponse<String> dialled =
                    call(apiB, "POST", "/api/v1/calls", TestUser.AGENT, "{\"number\":\"+4930123456\"}");
            assertThat(dialled.statusCode()).as(dialled.body()).isEqualTo(202);

            // node A reads no PBX: the call's update came from node B, which follows the call
            JsonNode talking = awaitMessage(
                    agent,
                    "callUpdate",
                    payload -> payload.path("state").asText().equals("TALKING"));
            assertThat(talking.path("agent").asText()).isEqualTo(TestUser.AGENT.extension);
            // and A's live board was given B's call events
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metricsA.get("switchboard.calls.subscriber.delivered")
                                    .tag("subscriber", "live-board")
                                    .counter()
                                    .count()
                            > 0);
        }
    }

    @Test
    void deactivatingAUserOnOneNodeClosesTheirSocketOnTheOther() {
        Desktop supervisor = desktopOn(b, TestUser.OTHER_SUPERVISOR);
        try {
            HttpResponse<String> deactivated = call(
                    apiA,
                    "POST",
                    "/api/v1/users/" + TestUser.OTHER_SUPERVISOR.username + "/deactivate",
                    TestUser.ADMIN,
                    null);
            assertThat(deactivated.statusCode()).as(deactivated.body()).isBetween(200, 204);

            Desktop.Closed closed = supervisor.awaitClose();
            assertThat(closed.code()).isEqualTo(4401);
            assertThat(closed.reason()).isEqualTo("logged out");
        } finally {
            supervisor.close();
            call(
                    apiA,
                    "POST",
                    "/api/v1/users/" + TestUser.OTHER_SUPERVISOR.username + "/reactivate",
                    TestUser.ADMIN,
                    null);
        }
    }

    @Test
    void eachNodesIdentityAndBusAreInHealthAndTheBusFiguresInPrometheus() {
        a.getBean(Desktops.class)
                .sendToUser(TestUser.ADMIN.username, EdgeMessage.essential("clusterCheck", Map.of("from", "a")));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String metrics = call(apiB, "GET", "/actuator/prometheus", TestUser.ADMIN, null)
                    .body();
            return metrics.lines()
                            .anyMatch(line -> line.startsWith("switchboard_cluster_messages_received_total{")
                                    && line.contains("topic=\"desktop\""))
                    && metrics.lines()
                            .anyMatch(line -> line.startsWith("switchboard_cluster_lag_seconds{")
                                    && line.contains("topic=\"desktop\"")
                                    && line.contains("quantile=\"0.99\""));
        });
        JsonNode health = Api.json(call(apiB, "GET", "/actuator/health", TestUser.ADMIN, null));
        JsonNode cluster = health.path("components").path("cluster");
        assertThat(cluster.path("status").asText()).isEqualTo("UP");
        assertThat(cluster.path("details").path("node").asText()).isEqualTo("node-b");
        assertThat(cluster.path("details").path("transport").asText()).isEqualTo("postgres");
        assertThat(cluster.path("details").path("connected").asBoolean()).isTrue();
    }
}
