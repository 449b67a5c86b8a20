package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.CallModelConfiguration;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.LinkOwnership;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Connects to Asterisk when {@code switchboard.ami.enabled} is true (the default): every PBX of {@code
 * switchboard.pbxes}, or the single {@code switchboard.ami} link. Where the application shares a database with other
 * nodes a {@link LinkOwnership} decides which node opens which link; without one this node owns them all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.ami.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({AmiProperties.class, PbxLinksProperties.class})
@Import(CallModelConfiguration.class)
public class AmiConfiguration {

    /**
     * Every PBX by id; their commands, local or relayed, come from {@code io.switchboard.gateway.relay}. Opened by
     * {@link LinkLifecycle} once every bean (every subscriber of the call events) is there.
     */
    @Bean(destroyMethod = "close")
    PbxLinks pbxLinks(
            AmiProperties properties,
            PbxLinksProperties pbxes,
            ObjectProvider<LinkOwnership> ownership,
            CallTrackerSettings settings,
            CallEventBus bus,
            MeterRegistry registry) {
        return new PbxLinks(properties, pbxes, ownership.getIfUnique(LinkOwnership::sole), settings, bus, registry);
    }

    /** The first PBX (the only one in most installations); {@link PbxLinks} closes it. */
    @Bean(destroyMethod = "")
    AmiGateway amiGateway(PbxLinks links) {
        return links.primary();
    }

    @Bean
    CallHandles callHandles(AmiGateway gateway) {
        return gateway.handles();
    }

    /**
     * Opens the links when the application has started; at a graceful stop, they go to other nodes while this one
     * still reads them (no call ends unseen).
     */
    @Bean
    LinkLifecycle linkLifecycle(PbxLinks links) {
        return new LinkLifecycle(links);
    }

    @Bean
    AmiLinkHealthIndicator amiLinkHealthIndicator(PbxLinks links) {
        return new AmiLinkHealthIndicator(links);
    }
}
