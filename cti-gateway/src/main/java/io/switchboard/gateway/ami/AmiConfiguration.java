package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.CallModelConfiguration;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.PbxCommands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Connects to Asterisk when {@code switchboard.ami.enabled} is true (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.ami.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AmiProperties.class)
@Import(CallModelConfiguration.class)
public class AmiConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    AmiGateway amiGateway(
            AmiProperties properties, CallTrackerSettings settings, CallEventBus bus, MeterRegistry registry) {
        return new AmiGateway(properties, settings, bus, registry);
    }

    @Bean
    PbxCommands pbxCommands(AmiGateway gateway) {
        return gateway.commands();
    }

    @Bean
    CallHandles callHandles(AmiGateway gateway) {
        return gateway.handles();
    }

    @Bean
    AmiLinkHealthIndicator amiLinkHealthIndicator(AmiGateway gateway, AmiProperties properties) {
        return new AmiLinkHealthIndicator(gateway, properties);
    }
}
