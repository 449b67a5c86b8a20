package io.switchboard.gateway.call;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call model's shared parts: its settings and the bus every PBX adapter publishes call events to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CallTrackerSettings.class, ConfiguredPbxes.class})
public class CallModelConfiguration {

    @Bean(destroyMethod = "close")
    CallEventBus callEventBus(MeterRegistry registry) {
        return new CallEventBus(registry);
    }
}
