package io.switchboard.gateway.livesync;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code switchboard.cluster.call-events=from-owner}: a node that joins, or whose bus connection comes back, gets
 * every link's agents and queues from the link's owner at once, rather than from each agent's next change.
 */
@Configuration(proxyBeanMethods = false)
public class LiveStateSyncConfiguration {

    /** Null (nothing to sync) where links have no owners or there is no call event bus. */
    @Bean(destroyMethod = "close")
    LiveStateSync liveStateSync(
            ObjectProvider<ClusterProperties> properties,
            ObjectProvider<CallEventBus> events,
            ObjectProvider<ClusterBus> bus,
            ObjectProvider<PbxLinks> links,
            MeterRegistry registry) {
        ClusterProperties cluster = properties.getIfAvailable();
        CallEventBus local = events.getIfAvailable();
        ClusterBus nodes = bus.getIfAvailable();
        if (cluster == null
                || cluster.callEvents() != ClusterProperties.CallEvents.FROM_OWNER
                || local == null
                || nodes == null) {
            return null;
        }
        PbxLinks pbxes = links.getIfAvailable();
        return new LiveStateSync(local, nodes, pbxes == null ? LiveStateSync.Links.none() : of(pbxes), registry);
    }

    /**
     * Asks the owners only once every bean is made: the read models (live board, desktop feed, dialer) subscribe to the
     * call events as they are made, and a snapshot merged before one of them subscribed would be lost to it.
     */
    @Bean
    SmartInitializingSingleton liveStateSyncStart(ObjectProvider<LiveStateSync> sync) {
        return () -> sync.ifAvailable(LiveStateSync::start);
    }

    private static LiveStateSync.Links of(PbxLinks pbxes) {
        return new LiveStateSync.Links() {
            @Override
            public List<String> all() {
                return pbxes.all().stream().map(AmiGateway::pbx).toList();
            }

            @Override
            public boolean owns(String pbx) {
                return pbxes.find(pbx).map(AmiGateway::ownsLink).orElse(false);
            }
        };
    }
}
