package io.switchboard.cluster;

import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} shows this node's identity and its bus: UP while messages flow between nodes, DOWN while
 * the PostgreSQL transport is not listening (messages of other nodes are being lost).
 */
final class ClusterHealthIndicator implements HealthIndicator {

    private final ClusterBus bus;

    ClusterHealthIndicator(ClusterBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        ClusterState state = bus.state();
        return (state.connected() ? Health.up() : Health.down())
                .withDetail("node", state.node().value())
                .withDetail("transport", state.transport())
                .withDetail("connected", state.connected())
                .withDetail("reconnects", state.reconnects())
                .withDetail("detail", state.detail())
                .build();
    }
}
