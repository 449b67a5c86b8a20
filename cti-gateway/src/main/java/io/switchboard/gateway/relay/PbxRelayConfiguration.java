package io.switchboard.gateway.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.gateway.cluster.ClusterBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PBXes' commands from any node: {@link Pbxes} for every PBX, and {@link PbxCommands} of the first one (what the
 * dialer and the code written before there were several PBXes use). With a cluster bus, a command for a PBX another
 * node owns is relayed to that node, and this node answers the others' commands for the links it owns.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.ami.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PbxRelayProperties.class)
public class PbxRelayConfiguration {

    /** Null (no relay) where there is no cluster bus: a gateway on its own owns its links. */
    @Bean(destroyMethod = "close")
    PbxRelay pbxRelay(ObjectProvider<ClusterBus> bus, PbxRelayProperties properties, MeterRegistry registry) {
        ClusterBus cluster = bus.getIfAvailable();
        return cluster == null ? null : new PbxRelay(cluster, properties.timeout(), new RelayMetrics(registry));
    }

    /** This node's half for the other nodes: runs their commands for the links it owns. */
    @Bean(destroyMethod = "close")
    OwnerSide pbxRelayOwnerSide(ObjectProvider<ClusterBus> bus, PbxLinks links, MeterRegistry registry) {
        ClusterBus cluster = bus.getIfAvailable();
        return cluster == null ? null : new OwnerSide(cluster, links, new RelayMetrics(registry));
    }

    @Bean
    Pbxes pbxes(PbxLinks links, ObjectProvider<PbxRelay> relay) {
        return new RoutedPbxes(links, relay.getIfAvailable());
    }

    /** The first PBX's commands, wherever its link is. */
    @Bean
    PbxCommands pbxCommands(Pbxes pbxes, PbxLinks links) {
        return pbxes.commands(links.primary().pbx());
    }
}
