package io.switchboard.lease;

import io.switchboard.gateway.cluster.NodeId;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PBX links owned through leases in the shared database: the gateway opens a link only on its owner. Only when the
 * nodes relay call events from each link's owner ({@code switchboard.cluster.call-events=from-owner}): with the default
 * {@code each-node} every node reads its own links and handles their calls itself, so a node must never stand by for
 * a link another holds (its desktops would see no call); the gateway then owns every link it is given.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.cluster.call-events", havingValue = "from-owner")
@EnableConfigurationProperties(LinkLeaseProperties.class)
class LeaseConfiguration {

    /**
     * On the system clock, not the application's: leases are compared across nodes and must expire in real time even
     * where a test moves the application's clock. The holder is {@code switchboard.link-lease.node} when set, else the
     * node's cluster id, as for every other lease.
     */
    @Bean(destroyMethod = "close")
    LeaseLinkOwnership linkOwnership(
            NamedParameterJdbcTemplate jdbc, LinkLeaseProperties properties, ObjectProvider<NodeId> nodeId) {
        String holder = properties.node() != null ? properties.node() : LeaseHolder.of(nodeId.getIfAvailable());
        return new LeaseLinkOwnership(jdbc, Clock.systemUTC(), holder, properties.ttl(), properties.rebalanceAfter());
    }
}
