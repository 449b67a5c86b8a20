package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.ClusterNode;
import io.switchboard.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one PostgreSQL and two simulated PBXes: each node's health ({@code node} component) and
 * Prometheus gauges ({@code switchboard.node.role}) say which links it owns and whether it holds the dialer's lease;
 * when the dialer's holder stops, the dialer and its links show up on the other node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRolesAcrossNodesTest {

    private static final String ADMIN = "roles-admin";
    private static final String PASSWORD = "node-roles-password";

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(4);
    private final Map<String, ConfigurableApplicationContext> nodes = new java.util.LinkedHashMap<>();
    private final List<AmiSimulator> pbxes = new ArrayList<>();

    @BeforeAll
    void twoNodes() throws Exception {
        String database = "roles_" + System.nanoTime();
        try (Connection connection = SharedPostgres.get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        for (int i = 0; i < 2; i++) {
            AmiSimulator pbx = new AmiSimulator(settings);
            pbx.start();
            pbxes.add(pbx);
        }
        String url = SharedPostgres.get().getJdbcUrl("postgres", database);
        nodes.put("roles-a", node(url, "roles-a"));
        nodes.put("roles-b", node(url, "roles-b"));
        Directory directory = nodes.get("roles-a").getBean(Directory.class);
        DirectoryUser admin = directory.add(new NewUser(ADMIN, ADMIN, Role.ADMIN, null, null));
        directory.setPasswordHash(admin.id(), "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
    }

    @AfterAll
    void stop() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
        pbxes.forEach(AmiSimulator::close);
    }

    @Test
    void eachNodeShowsItsLinksAndLeasesAndTheyMoveWhenTheHolderStops() {
        // both links owned, each by one node, and the dialer lease held by one of the two
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ownersOf("pbx0").size() == 1
                        && ownersOf("pbx1").size() == 1
                        && dialers().size() == 1);
        String dialer = dialers().get(0);
        String other = nodes.keySet().stream()
                .filter(n -> !n.equals(dialer))
                .findFirst()
                .orElseThrow();

        JsonNode atDialer = node(dialer);
        assertThat(atDialer.path("status").asText()).isEqualTo("UP");
        assertThat(atDialer.path("details").path("id").asText()).isEqualTo(dialer);
        assertThat(atDialer.path("details").path("leases").path("dialer").asBoolean())
                .isTrue();
        assertThat(atDialer.path("details").path("leases").path("reports").asBoolean())
                .isFalse();
        assertThat(atDialer.path("details").path("escalations").asBoolean()).isTrue();
        assertThat(atDialer.path("details").path("holders").path("dialer").asText())
                .isEqualTo(dialer);
        assertThat(texts(atDialer.path("details").path("nodes"))).containsExactlyInAnyOrder("roles-a", "roles-b");
        JsonNode atOther = node(other);
        assertThat(atOther.path("details").path("leases").path("dialer").asBoolean())
                .isFalse();
        assertThat(atOther.path("details").path("holders").path("dialer").asText())
                .isEqualTo(dialer);
        // the links: every PBX owned by exactly one node, as each node's health and the lease table agree
        for (String pbx : List.of("pbx0", "pbx1")) {
            String owner = ownersOf(pbx).get(0);
            assertThat(atOther.path("details")
                            .path("holders")
                            .path("ami-link:" + pbx)
                            .asText())
                    .isEqualTo(owner);
            assertThat(gauge(owner, "ami-link:" + pbx)).isEqualTo(1);
            assertThat(gauge(owner.equals(dialer) ? other : dialer, "ami-link:" + pbx))
                    .isEqualTo(0);
        }
        assertThat(gauge(dialer, "dialer")).isEqualTo(1);
        assertThat(gauge(other, "dialer")).isEqualTo(0);

        nodes.remove(dialer).close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode survivor = node(other);
            assertThat(survivor.path("details").path("leases").path("dialer").asBoolean())
                    .isTrue();
            assertThat(texts(survivor.path("details").path("linksOwned"))).containsExactly("pbx0", "pbx1");
            assertThat(texts(survivor.path("details").path("nodes"))).containsExactly(other);
        });
        assertThat(gauge(other, "dialer")).isEqualTo(1);
        assertThat(gauge(other, "ami-link:pbx0")).isEqualTo(1);
        assertThat(gauge(other, "ami-link:pbx1")).isEqualTo(1);
    }

    private List<String> dialers() {
        return nodes.keySet().stream()
                .filter(n ->
                        node(n).path("details").path("leases").path("dialer").asBoolean())
                .toList();
    }

    private List<String> ownersOf(String pbx) {
        return nodes.keySet().stream()
                .filter(n -> texts(node(n).path("details").path("linksOwned")).contains(pbx))
                .toList();
    }

    private JsonNode node(String name) {
        return Api.json(api(name).call("GET", "/actuator/health", ADMIN, PASSWORD, null))
                .path("components")
                .path("node");
    }

    /** The value of {@code switchboard_node_role{role="..."}} on the node's Prometheus page. */
    private int gauge(String name, String role) {
        String page = api(name)
                .call("GET", "/actuator/prometheus", ADMIN, PASSWORD, null)
                .body();
        String prefix = "switchboard_node_role{";
        return page.lines()
                .filter(line -> line.startsWith(prefix) && line.contains("role=\"" + role + "\""))
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no gauge for role " + role + " on " + name + ":\n"
                        + page.lines().filter(l -> l.contains("node_role")).collect(Collectors.joining("\n"))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private Api api(String name) {
        return new Api(
                ((WebServerApplicationContext) nodes.get(name)).getWebServer().getPort());
    }

    private ConfigurableApplicationContext node(String url, String name) {
        ClusterNode node = ClusterNode.on(url).named(name).clustered();
        for (int i = 0; i < pbxes.size(); i++) {
            node.pbx("pbx" + i, pbxes.get(i), settings);
        }
        return node.start();
    }
}
