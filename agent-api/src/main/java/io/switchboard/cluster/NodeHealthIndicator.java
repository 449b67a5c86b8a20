package io.switchboard.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code node}: which node this is and what it does for the cluster (see
 * {@link NodeRoles}). Always UP: a role another node holds is no fault of this one, and a database that cannot be read
 * is the {@code db} component's to report.
 */
final class NodeHealthIndicator implements HealthIndicator {

    private final NodeRoles roles;

    NodeHealthIndicator(NodeRoles roles) {
        this.roles = roles;
    }

    @Override
    public Health health() {
        NodeRoles.View view = roles.now();
        Health.Builder health = Health.up()
                .withDetail("id", view.node())
                .withDetail(
                        "linksOwned",
                        view.links().entrySet().stream()
                                .filter(link -> link.getValue())
                                .map(link -> link.getKey())
                                .toList())
                .withDetail("leases", view.jobs())
                .withDetail(NodeRoles.ESCALATIONS, view.escalations())
                .withDetail("holders", view.holders())
                .withDetail("nodes", view.nodes());
        if (view.error() != null) {
            health.withDetail("error", view.error());
        }
        return health.build();
    }
}
