package io.switchboard.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.lease.LeaseTable;
import io.switchboard.ticket.TicketProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This node's roles in the cluster: the {@code node} health component and the {@code switchboard.node.role} gauges. */
@Configuration(proxyBeanMethods = false)
class NodeRolesConfiguration {

    @Bean
    NodeRoles nodeRoles(
            NodeId node,
            LeaseTable leases,
            ObjectProvider<Pbxes> pbxes,
            ObjectProvider<TicketProperties> tickets,
            MeterRegistry registry) {
        TicketProperties ticketSettings = tickets.getIfAvailable();
        boolean escalations =
                ticketSettings != null && ticketSettings.scheduler().enabled();
        return new NodeRoles(node, leases, pbxes::getIfAvailable, escalations).registerGauges(registry);
    }

    /** For alerting on a bus that is down: health stays UP then (see {@link ClusterHealthIndicator}). */
    @Bean
    MeterBinder clusterConnectedGauge(ClusterBus bus) {
        return registry -> Gauge.builder(
                        "switchboard.cluster.connected", () -> bus.state().connected() ? 1 : 0)
                .description("1 while this node hears the other nodes (the bus is listening), 0 while it does not")
                .register(registry);
    }

    @Bean
    NodeHealthIndicator nodeHealthIndicator(NodeRoles roles) {
        return new NodeHealthIndicator(roles);
    }
}
