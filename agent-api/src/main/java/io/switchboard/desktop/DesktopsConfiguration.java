package io.switchboard.desktop;

import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterProperties;
import io.switchboard.gateway.edge.CtiEdge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desktop delivery, and this node's edge doing what the other nodes' deliveries send. {@link CallDesktops} is the
 * delivery for consumers of call events that act once per call: to every node when one node owns each PBX link
 * ({@code switchboard.cluster.call-events=from-owner}), to this node's only when every node reads its own link.
 */
@Configuration(proxyBeanMethods = false)
class DesktopsConfiguration {

    @Bean
    Desktops desktops(ObjectProvider<CtiEdge> edge, ClusterBus bus) {
        Desktops desktops = new Desktops(edge.getIfAvailable(), bus, true);
        bus.subscribe(Desktops.TOPIC, desktops::apply);
        return desktops;
    }

    @Bean
    CallDesktops callDesktops(Desktops desktops, ClusterProperties cluster) {
        return new CallDesktops(
                cluster.callEvents() == ClusterProperties.CallEvents.FROM_OWNER ? desktops : desktops.thisNodeOnly());
    }
}
