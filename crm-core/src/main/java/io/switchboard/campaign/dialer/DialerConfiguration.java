package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.lease.Lease;
import io.switchboard.lease.LeaseHolder;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dialer, on every node that has a call event bus; the dialer lease decides which node dials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DialerProperties.class)
@ConditionalOnProperty(prefix = "switchboard.dialer", name = "enabled", matchIfMissing = true)
public class DialerConfiguration {

    private static final int SUBSCRIPTION_CAPACITY = 10_000;

    @Bean(initMethod = "start", destroyMethod = "close")
    CampaignDialer campaignDialer(
            Campaigns campaigns,
            LeadQueue leads,
            OpenAttempts open,
            CampaignReports reports,
            Lease lease,
            ObjectProvider<Pbxes> pbxes,
            ObjectProvider<CallEventBus> bus,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<CallTrackerSettings> tracker,
            ObjectProvider<NodeId> nodeId,
            DialerProperties properties) {
        DialerPorts ports = new DialerPorts(campaigns, leads, open, reports, lease, () -> {
            Pbxes configured = pbxes.getIfAvailable();
            if (configured == null) {
                throw new PbxCommandException("No PBX is connected");
            }
            return configured;
        });
        DialerNode node = new DialerNode(
                LeaseHolder.of(nodeId.getIfAvailable()),
                clock.getIfAvailable(Clock::systemUTC),
                ZoneOffset.UTC,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
        CampaignDialer dialer = new CampaignDialer(
                ports,
                properties,
                tracker.getIfAvailable(CallTrackerSettings::defaults).amdVariable(),
                node);
        bus.ifAvailable(events -> {
            // the dialer may dial through a PBX another node owns: it follows every node's calls and agents
            events.subscribe(
                    "campaign-dialer",
                    CallEventSource.EVERY_NODE,
                    CallEventDelivery.queued(SUBSCRIPTION_CAPACITY, Overflow.DROP_NEWEST),
                    dialer.handlers());
            // attempts end on the node that owns their PBX's link, wherever the dialer is
            events.subscribe(
                    "campaign-attempt-ends",
                    CallEventSource.THIS_NODE,
                    CallEventDelivery.queued(SUBSCRIPTION_CAPACITY, Overflow.DROP_NEWEST),
                    dialer.attemptEnds());
        });
        return dialer;
    }

    /**
     * Stops the dialer before any bean is destroyed (lifecycle beans stop first), so the node's PBX links and the
     * relay to other nodes' links still answer the dials it sent while it waits for them ({@link CampaignDialer#close}):
     * a dial in flight when the node stops is either known to have reached the PBX or given back.
     */
    @Bean
    SmartLifecycle campaignDialerStop(CampaignDialer dialer) {
        return new SmartLifecycle() {
            private volatile boolean running = true;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                dialer.close();
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
