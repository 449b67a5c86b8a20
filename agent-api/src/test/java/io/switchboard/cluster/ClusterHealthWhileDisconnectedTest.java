package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.NodeId;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A node whose bus cannot reach PostgreSQL (a port nothing listens on) still serves its own desktops, so its health
 * stays UP: the {@code cluster} component says {@code connected: false} and what is lost, for people, and the gauge
 * {@code switchboard.cluster.connected} is 0, for alerts.
 */
class ClusterHealthWhileDisconnectedTest {

    @Test
    void aBusThatCannotConnectLeavesTheNodeUpAndSaysWhatIsLost() throws Exception {
        int closedPort = closedPort();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PostgresClusterBus bus = new PostgresClusterBus(
                new NodeId("cut-off"),
                purpose -> {
                    Properties settings = new Properties();
                    settings.setProperty("connectTimeout", "1");
                    return DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", settings);
                },
                new ClusterMetrics(registry, Clock.systemUTC()),
                100,
                Duration.ofMillis(200),
                Duration.ofMinutes(5))) {
            bus.start();
            // the bus has tried and failed at least once: its detail names the failure
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> bus.state().detail().startsWith("not listening"));

            Health health = new ClusterHealthIndicator(bus).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("connected", false).containsEntry("node", "cut-off");
            assertThat((String) health.getDetails().get("consequence")).contains("serves its own desktops");
            new NodeRolesConfiguration().clusterConnectedGauge(bus).bindTo(registry);
            assertThat(registry.get("switchboard.cluster.connected").gauge().value())
                    .isZero();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
