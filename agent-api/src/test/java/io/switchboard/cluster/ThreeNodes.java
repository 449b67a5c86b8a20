package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Api;
import io.switchboard.testing.ClusterNode;
import io.switchboard.testing.Desktop;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Three application nodes in this JVM on one database, each a context that can be stopped and started again with
 * the same settings (a rolling restart), and the simulated PBXes they share, listed as {@code switchboard.pbxes}.
 */
final class ThreeNodes implements AutoCloseable {

    static final String PASSWORD = "rolling-restart-password";

    private final String url;
    private final SimulatorSettings settings;
    private final Map<String, AmiSimulator> pbxes;
    private final ConfigurableApplicationContext[] nodes = new ConfigurableApplicationContext[3];

    ThreeNodes(String url, SimulatorSettings settings, Map<String, AmiSimulator> pbxes) {
        this.url = url;
        this.settings = settings;
        this.pbxes = new LinkedHashMap<>(pbxes);
    }

    /** Node 0 first (it migrates the database), then the other two side by side. */
    ThreeNodes startAll() {
        start(0);
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> start(1)), CompletableFuture.runAsync(() -> start(2)))
                .join();
        return this;
    }

    void start(int index) {
        ClusterNode node = ClusterNode.on(url).named(name(index)).clustered();
        pbxes.forEach((id, simulator) -> node.pbx(id, simulator, settings));
        nodes[index] = node.start();
    }

    void stop(int index) {
        ConfigurableApplicationContext node = nodes[index];
        nodes[index] = null;
        node.close();
    }

    static String name(int index) {
        return "node-" + (index + 1);
    }

    ConfigurableApplicationContext node(int index) {
        return nodes[index];
    }

    boolean running(int index) {
        return nodes[index] != null;
    }

    Api api(int index) {
        return new Api(
                ((WebServerApplicationContext) nodes[index]).getWebServer().getPort());
    }

    /** The node that owns the PBX's link and has it logged in, if one does now. */
    Optional<Integer> ownerOf(String pbx) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                AmiGateway gateway = nodes[i].getBean(PbxLinks.class).pbx(pbx);
                if (gateway.ownsLink() && gateway.linkStatus().state() == LinkStatus.State.UP) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** A desktop of {@code username} on node {@code index}, once that node's edge holds its session. */
    Desktop desktop(int index, String username) {
        HttpResponse<String> issued = api(index).call("POST", "/api/v1/cti/token", username, PASSWORD, null);
        assertThat(issued.statusCode()).as(issued.body()).isBetween(200, 201);
        JsonNode token = Api.json(issued);
        CtiEdge edge = nodes[index].getBean(CtiEdge.class);
        int before = edge.sessionsOf(username);
        Desktop desktop =
                Desktop.connect(token.path("port").asInt(), token.path("token").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> edge.sessionsOf(username) > before);
        return desktop;
    }

    @Override
    public void close() {
        Arrays.stream(nodes).filter(node -> node != null).forEach(ConfigurableApplicationContext::close);
    }
}
