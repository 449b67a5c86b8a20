package io.switchboard.cluster;

import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} shows this node's identity and its bus. It stays UP while the bus is disconnected, with
 * {@code connected: false} and what is being lost: a node that cannot reach the others still serves its own
 * desktops (their pops, their REST calls, the links it owns), so a load balancer or a container check reading the
 * overall status must not take it out; and when the bus is down because the database is, every node is cut off at
 * once, which would take them all out together. The bus's outage is for alerting instead:
 * {@code switchboard.cluster.connected} is 0 meanwhile, and {@code switchboard.cluster.messages.missed} counts what was
 * lost.
 */
final class ClusterHealthIndicator implements HealthIndicator {

    static final String DISCONNECTED = "Not listening to the other nodes: this node serves its own desktops, but"
            + " messages other nodes send meanwhile (pops for desktops here, escalation notices, campaign progress)"
            + " are lost";

    private final ClusterBus bus;

    ClusterHealthIndicator(ClusterBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        ClusterState state = bus.state();
        Health.Builder health = Health.up()
                .withDetail("node", state.node().value())
                .withDetail("transport", state.transport())
                .withDetail("connected", state.connected())
                .withDetail("reconnects", state.reconnects())
                .withDetail("detail", state.detail());
        if (!state.connected()) {
            health.withDetail("consequence", DISCONNECTED);
        }
        return health.build();
    }
}
